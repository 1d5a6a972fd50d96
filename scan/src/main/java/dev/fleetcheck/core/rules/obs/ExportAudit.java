package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-056 (assisted): data exports and bulk operations are audited. Applies when {@link
 * AuditSignals} finds that a route path or route handler name contains export, download, bulk or
 * dump; FAIL when the event name {@code security.audit} occurs nowhere in product code. Whether
 * each such event is audited stays manual.
 */
public final class ExportAudit implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-056",
              Set.of(Profile.API),
              "Log every data export, download or bulk operation as the event security.audit with actor type, operation, outcome and request id.")
          .defined(
              "FAIL when a route path or route handler name contains export, download, bulk or dump and the event name security.audit occurs nowhere in product code;"
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
    return EventPresence.outcome(
        context,
        LogEvents.AUDIT,
        context.fact(AuditSignals.FACT).exports(),
        "no sign that the API exports data");
  }
}
