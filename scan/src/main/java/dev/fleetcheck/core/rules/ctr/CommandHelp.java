package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.cli.CliCommand;
import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.facts.python.ConsoleScripts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-CTR-003: every command has a summary, every option a description, and the CLI's help shows an
 * example (RULES-NEXT, with the "PY-CTR-003 examples" decision; D16: once per CLI suffices). Read
 * from {@link CliInventory}. An example is a help, epilog, usage or command docstring line that
 * contains "example", starts with {@code $ } or {@code python -m }, or starts with a console
 * script's (or {@code prog=}'s) exact name followed by an argument; an option's {@code help=} is
 * help text too.
 */
public final class CommandHelp implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-CTR-003",
              Profile.CLI,
              "Give every command a one-line summary (description=/help= or a docstring), every option"
                  + " a help= text, and show usage examples in the help (an epilog such as"
                  + " `Examples:\\n  mytool sync --dry-run`).")
          .defined(
              "FAIL per command without a summary (argparse `description=`, "
                  + "`help=`/`description=` on `add_parser`, click/typer "
                  + "`help=`/`short_help=` or a docstring, `Typer(help=)`), per option "
                  + "without `help=` (`help=argparse.SUPPRESS` and `hidden=True` count; "
                  + "positional arguments, `--help`, `--version`, `action=\"version\"` and "
                  + "calls passing `**kwargs` exempt; typer parameters with a default are "
                  + "options), and once when no help text (description, epilog, usage, "
                  + "help, command docstring, an option's `help=`; module constants and "
                  + "`__doc__` followed) has an example line: one containing \"example\", "
                  + "starting with `$ ` or `python -m `, or starting with a console "
                  + "script's or `prog=`'s exact name followed by an argument, or a "
                  + "traitlets application's `examples` string. Examples once per CLI "
                  + "suffice (D16). Narrowed: where add_argument/add_option calls name "
                  + "options with computed values (options and help from data, as awscli "
                  + "declares them) the example is not judged, and without other findings the rule is NOT_APPLICABLE. "
                  + "An argparse parser built with add_help=False (a parent parser shared "
                  + "through parents=[...]) shows no help and needs no summary",
              Effort.MEDIUM);

  private static final Set<String> EXEMPT_NAMES = Set.of("--help", "-h", "--version");
  private static final Set<String> EXEMPT_ACTIONS = Set.of("help", "version");
  private static final Pattern SCRIPT = Pattern.compile("console script `([^`]+)`");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    CliInventory inventory = context.fact(CliInventory.FACT);
    if (inventory.isEmpty()) {
      return Outcome.notApplicable(CliInventory.nothingRead());
    }
    List<Evidence> findings = new ArrayList<>();
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    for (CliCommand command : inventory.commands()) {
      if (!command.summary() && !helpless(codebase, command)) {
        findings.add(
            Evidence.at(
                command.path(),
                command.line(),
                "command `"
                    + command.name()
                    + "` ("
                    + command.framework()
                    + ") has no summary (description=, help= or a docstring)"));
      }
    }
    for (CliOption option : inventory.options()) {
      if (!exempt(option) && !hasHelp(option)) {
        findings.add(
            Evidence.at(
                option.path(),
                option.line(),
                "option " + option.describe() + " (" + option.framework() + ") has no help="));
      }
    }
    Set<String> programs = programs(context, inventory);
    Optional<Evidence> example = example(inventory, programs).or(() -> traitletsExamples(context));
    if (example.isEmpty() && inventory.partial()) {
      // Commands and options declared from data: their help may hold the examples.
      String unread =
          inventory.computed()
              + " add_argument/add_option calls declare options from data that is not read:"
              + " their help and examples are not judged";
      return findings.isEmpty() ? Outcome.notApplicable(unread) : Outcome.fail(findings);
    }
    if (example.isEmpty()) {
      findings.add(
          Evidence.repository(
              "no help text shows an example (a line with \"example\", starting with `$ `, `python"
                  + " -m ` or the program name"
                  + (programs.isEmpty() ? "" : " " + String.join("/", programs))
                  + ")"));
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            inventory.commands().size()
                + " commands have a summary and "
                + inventory.options().size()
                + " options have help"),
        example.get());
  }

  /**
   * An argparse parser built with {@code add_help=False}: it shows no help of its own (a parent
   * parser shared through {@code parents=[...]}, or a dispatcher), so it needs no summary.
   */
  private static boolean helpless(PythonCodebase codebase, CliCommand command) {
    if (!command.framework().equals("argparse")) {
      return false;
    }
    return codebase
        .module(command.path())
        .map(
            module ->
                module.calls().stream()
                    .anyMatch(
                        call ->
                            call.line() == command.line()
                                && call.name().equals("ArgumentParser")
                                && call.keyword("add_help")
                                    .filter(v -> v instanceof PyValue.Bool b && !b.value())
                                    .isPresent()))
        .orElse(false);
  }

  private static boolean exempt(CliOption option) {
    if (option.names().stream().anyMatch(EXEMPT_NAMES::contains)) {
      return true;
    }
    if (option.declaration().map(c -> c.kwargsSplat()).orElse(false)) {
      return true;
    }
    return option
        .keyword("action")
        .filter(v -> v instanceof PyValue.Str s && EXEMPT_ACTIONS.contains(s.value()))
        .isPresent();
  }

  /** {@code help=} with a value (argparse.SUPPRESS included), or {@code hidden=True}. */
  private static boolean hasHelp(CliOption option) {
    return option.keyword("help").filter(v -> !v.isNone()).isPresent()
        || option
            .keyword("hidden")
            .filter(v -> v instanceof PyValue.Bool b && b.value())
            .isPresent();
  }

  private static Set<String> programs(RuleContext context, CliInventory inventory) {
    Set<String> programs = new LinkedHashSet<>();
    for (Evidence script : context.fact(ConsoleScripts.FACT)) {
      Matcher m = SCRIPT.matcher(script.message());
      if (m.find()) {
        programs.add(m.group(1));
      }
    }
    for (CliCommand command : inventory.commands()) {
      if (command.framework().equals("argparse") && !command.name().equals("the parser")) {
        programs.add(command.name());
      }
    }
    return programs;
  }

  private static Optional<Evidence> example(CliInventory inventory, Set<String> programs) {
    for (CliCommand command : inventory.commands()) {
      for (String text : command.helpTexts()) {
        for (String line : text.split("\\R")) {
          if (isExample(line.strip(), programs)) {
            return Optional.of(
                Evidence.at(
                    command.path(), command.line(), "example in the help: " + line.strip()));
          }
        }
      }
    }
    for (CliOption option : inventory.options()) {
      Optional<PyValue> help = option.keyword("help");
      if (help.isPresent() && help.get() instanceof PyValue.Str str) {
        for (String line : str.value().split("\\R")) {
          if (isExample(line.strip(), programs)) {
            return Optional.of(
                Evidence.at(
                    option.path(),
                    option.line(),
                    "example in the help of " + option.describe() + ": " + line.strip()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A traitlets application's examples: a module importing traitlets with a non-blank string
   * constant named {@code examples} (or {@code _examples}, {@code _main_examples}), which traitlets
   * prints under "Examples" in the application's help.
   */
  private static Optional<Evidence> traitletsExamples(RuleContext context) {
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (!module.mentions("traitlets")
          || !module.mentions("examples")
          || module.imports().values().stream().noneMatch(v -> v.startsWith("traitlets"))) {
        continue;
      }
      for (Assignment assignment : module.assignments()) {
        if (assignment.name().endsWith("examples")
            && assignment.value() instanceof PyValue.Str str
            && !str.value().isBlank()) {
          return Optional.of(
              Evidence.at(
                  module.path(),
                  assignment.line(),
                  "traitlets application examples: " + assignment.target()));
        }
      }
    }
    return Optional.empty();
  }

  static boolean isExample(String line, Set<String> programs) {
    if (line.toLowerCase(Locale.ROOT).contains("example")
        || line.startsWith("$ ")
        || line.matches("python3? -m \\S.*")) {
      return true;
    }
    String command = line.startsWith("$") ? line.substring(1).strip() : line;
    for (String program : programs) {
      if (command.startsWith(program + " ") && !command.substring(program.length()).isBlank()) {
        return true;
      }
    }
    return false;
  }
}
