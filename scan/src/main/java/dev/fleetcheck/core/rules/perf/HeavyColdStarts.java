package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import dev.fleetcheck.core.rules.op.ImportTimeWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PY-PERF-005 (assisted): a Lambda handler's module that does I/O or heavy work at import, which
 * every cold start pays (PY-OP-007's signal, {@link ImportTimeWork}). Only the handler's own module
 * is judged, not the modules it imports.
 */
public final class HeavyColdStarts implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PERF-005",
              Set.of(Profile.LAMBDA),
              "Keep module level of Lambda handler modules to imports and client construction;"
                  + " fetch data, call services and load models lazily inside the handler.")
          .defined(
              "FAIL per Lambda handler module with module-level heavy work as PY-OP-007 defines"
                  + " it (SDK client construction exempt); else MANUAL. NOT_APPLICABLE without a"
                  + " Lambda handler.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Set<String> handlerModules = new TreeSet<>();
    for (LambdaHandlers.Handler handler : context.fact(LambdaHandlers.FACT)) {
      handlerModules.add(handler.path());
    }
    if (handlerModules.isEmpty()) {
      return Outcome.notApplicable("no Lambda handler found");
    }
    Map<String, List<Evidence>> work = context.fact(ImportTimeWork.FACT);
    List<Evidence> findings = new ArrayList<>();
    for (String path : handlerModules) {
      findings.addAll(work.getOrDefault(path, List.of()));
    }
    return Outcome.assisted(findings);
  }
}
