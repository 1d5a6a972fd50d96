package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-ERR-010 (assisted): an API whose product code never names {@code correlation_id} (nor {@code
 * correlationId}) cannot put it into error bodies.
 */
public final class MissingCorrelationIds implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-010",
              Set.of(Profile.API),
              "Carry the request's correlation_id into every error body (read or create it in a"
                  + " middleware and add it in the exception handler).")
          .defined(
              "FAIL when correlation_id (or correlationId) appears nowhere in API product code as"
                  + " a name, key, keyword or field, nor in a committed OpenAPI file; else MANUAL."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return MissingErrorCodes.absentField(context, ErrorBodyFields.CORRELATION_ID, "correlation_id");
  }
}
