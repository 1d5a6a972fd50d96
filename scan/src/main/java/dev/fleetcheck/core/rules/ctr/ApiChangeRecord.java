package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.Set;

/**
 * PY-CTR-010 (assisted): an API repository that keeps no change record ({@link ChangeRecords}). A
 * repository that is also a CLI has the same missing record judged under PY-CTR-002 (one home, ADR
 * 0022).
 */
public final class ApiChangeRecord implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CTR-010",
              Set.of(Profile.API),
              "Keep a CHANGELOG.md (or towncrier/commitizen/release-please) and record every API"
                  + " contract change in it.")
          .defined(
              "FAIL when the repository keeps no change record (same signal as PY-CTR-002, which"
                  + " judges it when the repository is also a CLI). Release notes kept only in"
                  + " GitHub Releases are not seen.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome outcome = CliChangeRecord.outcome(context);
    if (context.has(Profile.CLI)) {
      return SameObligation.judgedAt(
          CliChangeRecord.ID, "a missing change record is", SameObligation.statusOf(outcome));
    }
    return outcome;
  }
}
