package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.Set;

/**
 * PY-SEC-025 (assisted): new endpoints grant no access until a policy is declared. Its DRF and SAM
 * findings are PY-SEC-005's (one home per finding, docs/adr/0022): when the home fails this rule is
 * NOT_APPLICABLE with the note "same obligation as PY-SEC-005"; otherwise it stays MANUAL, as its
 * FastAPI, Flask and Django clauses are not checked.
 */
public final class DefaultDenyShared implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-025",
              Set.of(Profile.API, Profile.LAMBDA),
              "Declare a global default deny (DRF IsAuthenticated default, an API DefaultAuthorizer,"
                  + " app- or router-level auth dependencies) and mark public routes explicitly.")
          .defined(
              "One home per finding (docs/adr/0022): the DRF and SAM default-deny "
                  + "findings are PY-SEC-005's; when PY-SEC-005 fails this rule is "
                  + "NOT_APPLICABLE with the note \"same obligation as PY-SEC-005\" and the "
                  + "home's finding count, when PY-SEC-005 does not apply neither does this "
                  + "rule, otherwise MANUAL \"no evident violation found\". Narrowed: the "
                  + "FastAPI, Flask and Django opt-in per-route clauses are not checked yet",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome home = context.facts().get(OpenByDefault.OUTCOME);
    if (home.status() == Status.FAIL) {
      return SameObligation.judgedAt(
          OpenByDefault.ID, "an open default is", SameObligation.statusOf(home));
    }
    return home.status() == Status.NOT_APPLICABLE ? home : Outcome.noEvidentViolation();
  }
}
