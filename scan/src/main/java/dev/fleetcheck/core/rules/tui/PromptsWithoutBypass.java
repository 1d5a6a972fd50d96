package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PY-TUI-001 (assisted): CLI code prompts ({@link Prompts}) and the CLI declares no way around it:
 * none of {@code --yes}, {@code -y}, {@code --assume-yes}, {@code --no-input}, {@code
 * --non-interactive}, {@code --no-interaction}, {@code --force}, nor {@code
 * click.confirmation_option}. Options count however declared: argparse, optparse, click and typer
 * ({@link CliInventory}), a traitlets application's {@code flags} and an awscli-style argument
 * table entry.
 */
public final class PromptsWithoutBypass implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-001",
              Set.of(Profile.CLI),
              "Give every prompt a non-interactive path: a --yes/--no-input option, or options and"
                  + " environment variables that supply the answer.")
          .defined(
              "FAIL per prompt in CLI code (input, getpass, click/typer prompt/confirm, rich"
                  + " Prompt/Confirm.ask, questionary, inquirer, InquirerPy, pick) when the CLI"
                  + " declares none of --yes, -y, --assume-yes, --no-input, --non-interactive,"
                  + " --no-interaction, --force or click.confirmation_option (argparse, optparse,"
                  + " click, typer, a traitlets flag or an awscli-style argument table entry). An"
                  + " option's own fallback does not count, as prompt= or hand-written: the answer"
                  + " assigned to an attribute (opts.password = getpass.getpass(...)) under an if"
                  + " testing that attribute for None or falsy, or returned after `if code is not"
                  + " None: return code` where code = <...>.get_param(...)/get_option(...)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  static final Set<String> BYPASS =
      Set.of(
          "--yes",
          "-y",
          "--assume-yes",
          "--no-input",
          "--non-interactive",
          "--no-interaction",
          "--force");

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
    List<Prompts.Prompt> prompts = context.fact(Prompts.FACT);
    if (prompts.isEmpty() || declaresBypass(context, modules, BYPASS)) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        prompts.stream()
            .map(
                p ->
                    Evidence.at(
                        p.path(),
                        p.line(),
                        p.callee() + " prompts and the CLI has no --yes/--no-input way around it"))
            .toList());
  }

  /** Whether the CLI declares one of {@code names} or a click confirmation option. */
  static boolean declaresBypass(
      RuleContext context, List<PythonModule> modules, Set<String> names) {
    boolean option =
        context.fact(CliInventory.FACT).options().stream()
            .flatMap(o -> o.names().stream())
            .anyMatch(names::contains);
    return option
        || modules.stream()
            .flatMap(m -> m.calls().stream())
            .anyMatch(c -> c.callee().endsWith("confirmation_option"))
        || modules.stream().anyMatch(m -> declaresOtherwise(m, names));
  }

  /**
   * Options declared outside argparse, optparse, click and typer: a traitlets application's flag
   * ({@code flags = dict(force=({"App": {"force": True}}, "help"))}, or the same as a dict
   * literal), and an awscli-style argument table entry ({@code {"name": "force", "action":
   * "store_true"}}).
   */
  private static boolean declaresOtherwise(PythonModule module, Set<String> names) {
    Set<String> bare = new HashSet<>();
    for (String name : names) {
      if (name.startsWith("--")) {
        bare.add(name.substring(2));
        bare.add(name.substring(2).replace('-', '_'));
      }
    }
    if (!module.mentionsAny(bare)
        && module.literalPairs().stream()
            .noneMatch(p -> p.key().equals("name") || bare.contains(p.key()))) {
      return false;
    }
    if (module.imports().values().stream().anyMatch(v -> v.startsWith("traitlets"))) {
      for (Call call : module.calls()) {
        if (call.callee().equals("dict")) {
          for (var keyword : call.keywords().entrySet()) {
            if (bare.contains(keyword.getKey()) && traitletsFlag(keyword.getValue())) {
              return true;
            }
          }
        }
      }
      for (LiteralPair pair : module.literalPairs()) {
        if (bare.contains(pair.key()) && traitletsFlag(pair.value())) {
          return true;
        }
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (argumentTableEntry(assignment.value(), bare)) {
        return true;
      }
    }
    return false;
  }

  /** A traitlets flag's value: a tuple of the configuration it sets and its help. */
  private static boolean traitletsFlag(PyValue value) {
    return value instanceof PyValue.Seq seq
        && seq.items().size() == 2
        && seq.items().get(0) instanceof PyValue.Dict;
  }

  private static boolean argumentTableEntry(PyValue value, Set<String> bare) {
    if (value instanceof PyValue.Seq seq) {
      return seq.items().stream().anyMatch(item -> argumentTableEntry(item, bare));
    }
    return value instanceof PyValue.Dict dict
        && dict.get("name").orElse(null) instanceof PyValue.Str name
        && bare.contains(name.value())
        && dict.get("action").orElse(null) instanceof PyValue.Str action
        && action.value().equals("store_true");
  }
}
