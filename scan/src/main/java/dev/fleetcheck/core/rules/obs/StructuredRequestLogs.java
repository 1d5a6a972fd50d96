package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-015 (assisted): API logs carry every field of the logging baseline. The field list lives
 * in an include the standard does not contain, so the only evident violation is unstructured
 * logging, which is PY-OBS-012's FAIL: judged and scored there, this rule gives way with "same
 * obligation as PY-OBS-012"; otherwise MANUAL.
 */
public final class StructuredRequestLogs implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-015",
              Set.of(Profile.API),
              "Log JSON with the baseline fields on every record (timestamp, level, event,"
                  + " request_id, service, ...), e.g. with structlog or python-json-logger.")
          .defined(
              "When PY-OBS-012 FAILs (no structured logging), NOT_APPLICABLE with \"same"
                  + " obligation as PY-OBS-012\"; else MANUAL (the baseline field list is not in"
                  + " the standard).",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return Homes.failing(context, "unstructured logging is", List.of(new StructuredLogging()))
        .orElseGet(Outcome::noEvidentViolation);
  }
}
