package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.sec.LoggedSecrets;
import java.util.Set;

/**
 * PY-OBS-017 (assisted): logs follow the secrecy rules, payloads masked. The same obligation as
 * PY-SEC-051, the home of family F1 (RULES-NEXT decision D4; docs/adr/0022): this rule is
 * NOT_APPLICABLE with the note "same obligation as PY-SEC-051" and the home's status, so one logged
 * secret lowers the score once.
 */
public final class MaskedLogPayloads implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-017",
              Set.of(Profile.API, Profile.LAMBDA),
              "Mask payloads and never log secrets, header maps or whole events; judged under "
                  + LoggedSecrets.ID
                  + ".")
          .defined(
              "Same obligation as PY-SEC-051 (RULES-NEXT decision D4, docs/adr/0022): "
                  + "NOT_APPLICABLE with the note \"same obligation as PY-SEC-051\" and the "
                  + "home's status and finding count, so a logged secret is scored once",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome outcome = LoggedSecrets.outcomeFor(context);
    if (outcome.status() == Status.NOT_APPLICABLE) {
      return outcome;
    }
    return SameObligation.judgedAt(
        LoggedSecrets.ID, "secrets and payloads in logs are", SameObligation.statusOf(outcome));
  }
}
