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
 * PY-OBS-052 (assisted): authentication successes and failures are audited. Applies when {@link
 * AuditSignals} finds that the API authenticates (JWT decoding, FastAPI security schemes (not the
 * SecurityScopes value), Django or Flask-Login login_required, Django or Flask-Login login, DRF
 * authentication classes, a Lambda authorizer); FAIL when the event name {@code security.audit}
 * occurs nowhere in product code. Whether each such event is audited stays manual.
 */
public final class AuthenticationAudit implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-052",
              Set.of(Profile.API),
              "Log every authentication success and failure as the event security.audit (actor type, outcome, request id; never the credential).")
          .defined(
              "FAIL when the API authenticates (JWT decoding, FastAPI security schemes (not the SecurityScopes value), Django or Flask-Login login_required, Django or Flask-Login login, DRF authentication classes, a Lambda authorizer) and the event name security.audit occurs nowhere in product code;"
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
        context.fact(AuditSignals.FACT).authenticates(),
        "no sign that the API authenticates");
  }
}
