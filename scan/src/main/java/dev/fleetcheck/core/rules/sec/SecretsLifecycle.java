package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * PY-SEC-043 (assisted, derived: RULES-NEXT class B+): secrets are rotated, narrowly scoped and
 * never logged. It adds no detector: when a home fails (family F1, PY-SEC-051 in an API or Lambda,
 * PY-SEC-002 in a CLI; PY-SEC-040 for rotation) it takes that outcome as NOT_APPLICABLE with the
 * note "same obligation as ..." so one defect is scored once (docs/adr/0022); otherwise MANUAL, as
 * scoping is not checked.
 */
public final class SecretsLifecycle implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-043",
              Set.of(Profile.PYTHON),
              "Keep secrets out of logs and output, rotate them on a schedule, and scope each to"
                  + " the one service that needs it.")
          .defined(
              "Derived (no detector of its own): when PY-SEC-051 (api, lambda), PY-SEC-002 (cli) or"
                  + " PY-SEC-040 fails, NOT_APPLICABLE with the note \"same obligation as\" the first"
                  + " failing home, so the finding is scored there once; otherwise MANUAL (narrow"
                  + " scoping is not checked).",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Map<String, Outcome> homes = new LinkedHashMap<>();
    if (context.has(Profile.API) || context.has(Profile.LAMBDA)) {
      homes.put(LoggedSecrets.ID, LoggedSecrets.outcomeFor(context));
    }
    if (context.has(Profile.CLI)) {
      homes.put(SecretsInCliOutput.ID, SecretsInCliOutput.outcomeFor(context));
    }
    homes.put(UnrotatedSecrets.ID, UnrotatedSecrets.outcome(context));
    for (Map.Entry<String, Outcome> home : homes.entrySet()) {
      if (home.getValue().status() == Status.FAIL) {
        return SameObligation.judgedAt(
            home.getKey(),
            "a logged or unrotated secret is",
            SameObligation.statusOf(home.getValue()));
      }
    }
    return Outcome.noEvidentViolation();
  }
}
