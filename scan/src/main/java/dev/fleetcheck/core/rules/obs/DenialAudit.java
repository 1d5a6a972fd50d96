package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.Set;

/**
 * PY-OBS-053 (assisted): authorisation denials (403) are audited. Applies when {@link AuditSignals}
 * finds that the API can deny (a 403 status, PermissionDenied or Forbidden, DRF permission
 * classes); FAIL when the event name {@code security.audit} occurs nowhere in product code. Whether
 * each such event is audited stays manual.
 */
public final class DenialAudit implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-053",
              Set.of(Profile.API),
              "Log every authorisation denial (403) as the event security.audit with the operation, the actor type and the request id.")
          .defined(
              "FAIL when the API can deny (a 403 status, PermissionDenied or Forbidden, DRF permission classes) and the event name security.audit occurs nowhere in product code;"
                  + " NOT_APPLICABLE when it does not. Narrowed: CADF audit events (pycadf or"
                  + " keystonemiddleware's audit middleware imported by product code, as in"
                  + " keystone) stand for security.audit and leave it MANUAL.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    return EventPresence.outcome(
        context,
        LogEvents.AUDIT,
        context.fact(AuditSignals.FACT).denies(),
        "no sign that the API denies requests");
  }
}
