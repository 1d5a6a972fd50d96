package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Optional;
import java.util.Set;

/**
 * PY-ERR-013: diagnostics are opt-in: some command declares {@code --verbose}, {@code --debug},
 * {@code --log-level} or {@code --verbosity}, or {@code -v} as a counter or flag (argparse,
 * optparse, click, typer, as {@link CliInventory} reads them; click-log's verbosity options count).
 * The "never secrets" clause is PY-SEC-002's. A CLI declared with none of those frameworks is
 * NOT_APPLICABLE: its options are not read.
 */
public final class DiagnosticsOption implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-ERR-013",
              Profile.CLI,
              "Add opt-in diagnostics: `--verbose`/`-v` (count) to raise detail and `--debug` for"
                  + " stack traces, never printing secrets.")
          .defined(
              "PASS when some command declares `--verbose`, `--debug`, `--log-level`, "
                  + "`--verbosity`, or `-v` counting or as a flag (argparse, optparse, "
                  + "click and its drop-ins, typer including parameters turned into "
                  + "options; `click.Option([...])` objects; click-log's verbosity option; a "
                  + "traitlets application's `log-level`/`debug` alias or flag). The \"never "
                  + "secrets\" clause is PY-SEC-002's. Narrowed: a CLI built without those "
                  + "frameworks (docopt, fire, plain `sys.argv`) is NOT_APPLICABLE, its options "
                  + "are not read; so is one whose add_argument/add_option calls name options "
                  + "with computed values (options from data tables, as awscli declares them)",
              Effort.LOW);

  private static final Set<String> LONG =
      Set.of("--verbose", "--debug", "--log-level", "--loglevel", "--log_level", "--verbosity");
  private static final Set<String> FLAG_ACTIONS = Set.of("count", "store_true");
  private static final Set<String> TRAITLETS_KEYS =
      Set.of("log-level", "log_level", "debug", "verbose", "verbosity");
  private static final Set<String> VERBOSITY_HELPERS =
      Set.of("simple_verbosity_option", "verbosity_option");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    CliInventory inventory = context.fact(CliInventory.FACT);
    for (CliOption option : inventory.options()) {
      if (isDiagnostic(option)) {
        return Outcome.pass(
            Evidence.at(
                option.path(),
                option.line(),
                "option " + option.describe() + " (" + option.framework() + ")"));
      }
    }
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (module.mentionsAny(VERBOSITY_HELPERS)) {
        for (Call call : module.calls()) {
          if (VERBOSITY_HELPERS.contains(call.name()) && call.callee().startsWith("click_log.")) {
            return Outcome.pass(
                Evidence.at(module.path(), call.line(), "click-log " + call.name()));
          }
        }
      }
      Optional<Evidence> traitlets = traitletsAlias(module);
      if (traitlets.isPresent()) {
        return Outcome.pass(traitlets.get());
      }
    }
    if (inventory.isEmpty()) {
      return Outcome.notApplicable(CliInventory.nothingRead());
    }
    if (inventory.partial()) {
      return Outcome.notApplicable(
          inventory.computed()
              + " add_argument/add_option calls name their option with a computed value: the"
              + " options come from data that is not read, so a diagnostics option may be among"
              + " them");
    }
    return Outcome.fail(
        Evidence.repository(
            "no command declares --verbose, --debug, --log-level, --verbosity or a counting -v ("
                + inventory.options().size()
                + " options read)"));
  }

  /**
   * A traitlets application's alias or flag for diagnostics: a dict entry {@code "log-level":
   * "Application.log_level"} (an alias names a trait) or {@code "debug": ({...}, "help")} (a flag)
   * in a module importing traitlets, whose command line turns each key into {@code --key}.
   */
  private static Optional<Evidence> traitletsAlias(PythonModule module) {
    if (!module.mentions("traitlets")
        || module.imports().values().stream().noneMatch(v -> v.startsWith("traitlets"))) {
      return Optional.empty();
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (!TRAITLETS_KEYS.contains(pair.key())) {
        continue;
      }
      boolean alias = pair.value() instanceof PyValue.Str s && s.value().contains(".");
      boolean flag = pair.value() instanceof PyValue.Seq;
      if (alias || flag) {
        return Optional.of(
            Evidence.at(
                module.path(),
                pair.line(),
                "traitlets " + (alias ? "alias" : "flag") + " --" + pair.key()));
      }
    }
    return Optional.empty();
  }

  private static boolean isDiagnostic(CliOption option) {
    if (option.names().stream().anyMatch(LONG::contains)) {
      return true;
    }
    if (!option.names().contains("-v")) {
      return false;
    }
    Optional<PyValue> action = option.keyword("action");
    return action
            .filter(v -> v instanceof PyValue.Str s && FLAG_ACTIONS.contains(s.value()))
            .isPresent()
        || option.keyword("count").filter(v -> v instanceof PyValue.Bool b && b.value()).isPresent()
        || option
            .keyword("is_flag")
            .filter(v -> v instanceof PyValue.Bool b && b.value())
            .isPresent();
  }
}
