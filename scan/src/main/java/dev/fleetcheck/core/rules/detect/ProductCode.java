package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs an assisted {@link ModuleCheck} over the product code (RULES-NEXT.md: not test code, not the
 * top-level examples/, docs/, scripts/, release/, benchmark(s)/ folders).
 */
public final class ProductCode {

  private ProductCode() {}

  /** NOT_APPLICABLE without product code; FAIL listing every finding; else MANUAL with the note. */
  public static Outcome outcome(RuleContext context, ModuleCheck check) {
    return outcome(context.facts(), check);
  }

  /**
   * As {@link #outcome(RuleContext, ModuleCheck)}, for a check that also reads the codebase (the
   * token stream or text of a module its calls chose).
   */
  public static Outcome outcome(
      RuleContext context, BiFunction<PythonCodebase, PythonModule, List<Evidence>> check) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    return outcome(context.facts(), module -> check.apply(codebase, module));
  }

  /** As {@link #outcome(RuleContext, ModuleCheck)}, for a per-scan fact. */
  public static Outcome outcome(Facts facts, ModuleCheck check) {
    List<PythonModule> modules = PythonCodebase.of(facts).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      findings.addAll(check.findings(module));
    }
    return Outcome.assisted(findings);
  }
}
