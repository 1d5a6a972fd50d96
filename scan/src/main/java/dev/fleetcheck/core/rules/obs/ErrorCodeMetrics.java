package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-039 (assisted): error rate by error code and class. FAIL when an API records metrics but
 * no metric call's label, dimension, attribute or tag is {@code error_code} (camelCase accepted).
 * An API with no metrics at all is PY-OBS-038's finding (same obligation, scored there).
 */
public final class ErrorCodeMetrics implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-039",
              Set.of(Profile.API),
              "Count errors by their stable error code: add an error_code label (or dimension)"
                  + " to the error counter.")
          .defined(
              "FAIL when the API records metrics and no metric call carries an error_code"
                  + " label, dimension, attribute or tag; gives way to PY-OBS-038 when no metrics"
                  + " exist; NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return MetricsAspect.outcome(
        context, MetricsInventory::errorCode, "no metric carries an error_code label");
  }
}
