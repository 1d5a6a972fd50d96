package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-011 (assisted): a CLI is quiet by default. A finding per unconditional noisy default in
 * CLI code ({@link LevelSettings}): {@code logging.basicConfig(level=DEBUG)}, or {@code
 * setLevel(DEBUG)} on the root logger or a console handler, outside any branch and any function
 * about verbosity or debugging. Logs written to stdout are PY-BEH-008's findings, not repeated.
 */
public final class QuietCliLogging implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-011",
              Set.of(Profile.CLI),
              "Default to WARNING (or quieter) on stderr and turn DEBUG on only with --verbose,"
                  + " --debug, --log-level or an environment variable.")
          .defined(
              "FAIL per basicConfig(level=DEBUG) or root/console setLevel(DEBUG) in CLI product"
                  + " code that runs unconditionally (not under an if/else, not in a function"
                  + " about verbosity, debug or level); logs on stdout are left to PY-BEH-008;"
                  + " a setting inside a test (a def test_*/setUp*, a class Test*) of a test"
                  + " suite shipped in the package, such as borg/testsuite/, is not a CLI"
                  + " default; NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (LevelSettings.Setting setting : context.fact(LevelSettings.FACT).all()) {
      if (setting.kind() != LevelSettings.Kind.POWERTOOLS
          && setting.console()
          && setting.debug()
          && setting.unconditional()
          && !inTest(setting)) {
        findings.add(
            setting.at(
                setting.call().written()
                    + "(...) turns DEBUG on unconditionally: the CLI is noisy by default"));
      }
    }
    return Outcome.assisted(findings);
  }

  /** Whether the setting sits in a test function or a test class: it runs under a test runner. */
  private static boolean inTest(LevelSettings.Setting setting) {
    int line = setting.call().line();
    for (Extent extent : setting.module().extents()) {
      if (line < extent.line() || line > extent.lastLine()) {
        continue;
      }
      String name = extent.name();
      boolean test =
          extent.kind() == Blocks.Kind.CLASS
              ? name.startsWith("Test")
              : name.startsWith("test") || name.startsWith("setUp");
      if (test) {
        return true;
      }
    }
    return false;
  }
}
