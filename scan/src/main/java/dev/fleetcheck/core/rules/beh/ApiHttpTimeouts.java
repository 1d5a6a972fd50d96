package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/**
 * PY-BEH-020: every outbound call of an API has an explicit timeout. The same obligation and the
 * same detector as PY-BEH-012 ({@link HttpTimeouts}); by decision D4 of RULES-NEXT an API's
 * timeouts have their one home here, so in an api repository this rule carries the findings and
 * PY-BEH-012 gives way (NOT_APPLICABLE, "same obligation as PY-BEH-020"): one missing timeout
 * lowers the score once.
 */
public final class ApiHttpTimeouts implements Rule {

  public static final String ID = "PY-BEH-020";

  private static final RuleSpec SPEC =
      RuleSpec.of(
              ID,
              Profile.API,
              "Pass an explicit timeout to every outbound call the API makes, e.g. requests.get(url,"
                  + " timeout=(3.05, 10)) or httpx.Client(timeout=10); never timeout=None.")
          .defined(
              "PASS when every outbound call of an API has an explicit timeout: "
                  + "PY-BEH-012's detector on the same files (its population is kept so "
                  + "that moving the home loses no finding); the one home of the finding in "
                  + "api repositories, so a missing timeout lowers the score once (decision "
                  + "D4, ADR 0022)",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HttpTimeouts.judge(context);
  }
}
