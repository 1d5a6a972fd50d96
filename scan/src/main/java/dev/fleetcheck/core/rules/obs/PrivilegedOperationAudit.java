package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-054 (assisted): privileged operations are audited. Applies when {@link AuditSignals} finds
 * that privilege checks guard operations (is_superuser, is_staff, is_admin, IsAdminUser, role ==
 * "admin", staff or permission decorators, admin scopes); FAIL when the event name {@code
 * security.audit} occurs nowhere in product code. Whether each such event is audited stays manual.
 */
public final class PrivilegedOperationAudit implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-054",
              Set.of(Profile.API),
              "Log every privileged (admin) operation as the event security.audit with actor type, role, operation, outcome and request id.")
          .defined(
              "FAIL when privilege checks guard operations (is_superuser, is_staff, is_admin, IsAdminUser, role == \"admin\", staff or permission decorators, admin scopes) and the event name security.audit occurs nowhere in product code;"
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
        context.fact(AuditSignals.FACT).privileged(),
        "no sign that privilege checks guard operations");
  }
}
