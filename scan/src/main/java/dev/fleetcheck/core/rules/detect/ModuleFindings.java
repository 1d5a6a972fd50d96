package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs a {@link ModuleCheck} over every Python module outside test code and judges the lot. */
public final class ModuleFindings {

  private ModuleFindings() {}

  /**
   * NOT_APPLICABLE without Python source outside test code, FAIL listing every finding, else PASS
   * saying what was checked.
   */
  public static Outcome outcome(RuleContext context, ModuleCheck check, String clean) {
    return outcomeOf(context, modules -> findings(modules, check), clean);
  }

  /** As above, for a detector over the whole list (a shared one may answer from a fact). */
  public static Outcome outcomeOf(
      RuleContext context, Function<List<PythonModule>, List<Evidence>> detector, String clean) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).sourceModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python source outside test code");
    }
    List<Evidence> findings = detector.apply(modules);
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(Evidence.repository(clean + " (" + count(modules.size()) + ")"));
  }

  public static List<Evidence> findings(List<PythonModule> modules, ModuleCheck check) {
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      findings.addAll(check.findings(module));
    }
    return findings;
  }

  private static String count(int files) {
    return files == 1 ? "1 Python file checked" : files + " Python files checked";
  }
}
