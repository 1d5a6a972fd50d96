package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.facts.python.ConsoleScripts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.cfg.DocumentationFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-CTR-005 (assisted): a usage example in {@code README*} or {@code docs/**} (Markdown fenced
 * blocks tagged console, shell, bash, sh, zsh, shell-session or untagged) that runs the CLI (the
 * line, after an optional {@code $ }, starts with a console script's name or {@code python -m
 * <product package>}) with a long option no command declares ({@link CliInventory}; a prefix of a
 * declared option counts, as argparse accepts abbreviations; {@code --help}, {@code --version} and
 * typer's completion options exempt). Not judged when an option is declared with a non-literal
 * name. Subcommands in examples are not checked.
 */
public final class StaleUsageExamples implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CTR-005",
              Set.of(Profile.CLI),
              "Keep examples runnable: use only options the CLI declares, and test them (e.g."
                  + " with a docs test that runs each example's --help).")
          .defined(
              "FAIL per example command in README*/docs/** fenced console/shell/bash/sh or"
                  + " untagged blocks (a line starting, after an optional `$ `, with a console"
                  + " script's name or `python -m <package>`) using a long option no CLI command"
                  + " declares (--help, --version, completion options exempt). Not judged when"
                  + " option names are built from non-literals; subcommands are not checked.",
              Effort.LOW);

  private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([\\w-]*)");
  private static final Set<String> SHELL_TAGS =
      Set.of("", "console", "shell", "bash", "sh", "zsh", "shell-session", "shellsession");
  private static final Pattern SCRIPT = Pattern.compile("console script `([^`]+)`");
  private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])(--[A-Za-z0-9][\\w-]*)");
  private static final Set<String> EXEMPT =
      Set.of("--help", "--version", "--install-completion", "--show-completion");
  private static final Set<String> DECLARERS = Set.of("add_argument", "add_option");
  private static final Set<String> DECLARING_NAMES = Set.of("add_argument", "add_option", "option");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    CliInventory inventory = context.fact(CliInventory.FACT);
    Set<String> commands = commands(context, modules);
    if (inventory.options().isEmpty() || commands.isEmpty() || builtNames(modules)) {
      return Outcome.noEvidentViolation();
    }
    Set<String> declared = declared(inventory);
    // The pages come from a read of the documentation PY-CFG-004 shares; only pages holding a
    // fence can hold an example.
    List<Evidence> findings = new ArrayList<>();
    for (DocumentationFiles.Page page : context.fact(DocumentationFiles.FACT).fencedPages()) {
      findings.addAll(examples(page.path(), page.text(), commands, declared));
    }
    return Outcome.assisted(findings);
  }

  /** The command words that start an example: console scripts and "python -m <package>". */
  private static Set<String> commands(RuleContext context, List<PythonModule> modules) {
    Set<String> commands = new HashSet<>();
    for (Evidence script : context.fact(ConsoleScripts.FACT)) {
      Matcher name = SCRIPT.matcher(script.message());
      if (name.find()) {
        commands.add(name.group(1));
      }
    }
    for (PythonModule module : modules) {
      if (module.path().endsWith("/__main__.py") || module.path().equals("__main__.py")) {
        String path = module.path().replaceFirst("^src/", "");
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
          String pkg = path.substring(0, slash).replace('/', '.');
          commands.add("python -m " + pkg);
          commands.add("python3 -m " + pkg);
        }
      }
    }
    return commands;
  }

  /** An option declared through a non-literal name makes the declared set unknowable. */
  private static boolean builtNames(List<PythonModule> modules) {
    for (PythonModule module : modules) {
      // A declaring call's last name is add_argument, add_option or (click.)option: spelled.
      if (!module.mentionsAny(DECLARING_NAMES)) {
        continue;
      }
      for (Call call : module.calls()) {
        // The argument test first: it is cheap and rarely true, the callee test cuts strings.
        if (call.positional().isEmpty() || call.positional().get(0) instanceof PyValue.Str) {
          continue;
        }
        boolean declarer =
            (DECLARERS.contains(call.name()) && !call.receiver().isEmpty())
                || call.callee().endsWith("click.option");
        if (declarer) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> declared(CliInventory inventory) {
    Set<String> declared = new HashSet<>();
    for (CliOption option : inventory.options()) {
      for (String name : option.longNames()) {
        declared.add(name);
        boolean negatable =
            option
                .keyword("action")
                .filter(v -> v instanceof PyValue.Expr || v instanceof PyValue.Name)
                .map(v -> v.toString().contains("BooleanOptionalAction"))
                .orElse(false);
        if (negatable) {
          declared.add("--no-" + name.substring(2));
        }
      }
    }
    return declared;
  }

  static List<Evidence> examples(
      String path, String text, Set<String> commands, Set<String> declared) {
    List<Evidence> findings = new ArrayList<>();
    if (!mayHoldFence(text)) {
      return findings;
    }
    String[] lines = text.split("\n", -1);
    String fence = null;
    boolean shell = false;
    for (int i = 0; i < lines.length; i++) {
      Matcher open = mayHoldFence(lines[i]) ? FENCE.matcher(lines[i]) : null;
      if (open != null && open.find()) {
        if (fence == null) {
          fence = open.group(1);
          shell = SHELL_TAGS.contains(open.group(2).toLowerCase(Locale.ROOT));
        } else if (lines[i].strip().startsWith(fence)) {
          fence = null;
        }
        continue;
      }
      if (fence == null || !shell) {
        continue;
      }
      String command = lines[i].strip();
      if (command.startsWith("$ ")) {
        command = command.substring(2).strip();
      }
      if (!runsTheCli(command, commands)) {
        continue;
      }
      int first = i;
      while (command.endsWith("\\") && i + 1 < lines.length) {
        i++;
        command = command.substring(0, command.length() - 1) + " " + lines[i].strip();
      }
      Matcher option = LONG_OPTION.matcher(command);
      while (option.find()) {
        String used = option.group(1);
        if (!EXEMPT.contains(used) && declared.stream().noneMatch(d -> d.startsWith(used))) {
          findings.add(
              Evidence.at(
                  path, first + 1, "example uses " + used + ", which no CLI command declares"));
        }
      }
    }
    return findings;
  }

  /** Whether {@link #FENCE} can match: every fence holds three backticks or tildes. */
  private static boolean mayHoldFence(String text) {
    return text.contains("```") || text.contains("~~~");
  }

  private static boolean runsTheCli(String command, Set<String> commands) {
    for (String name : commands) {
      if (command.equals(name) || command.startsWith(name + " ")) {
        return true;
      }
    }
    return false;
  }
}
