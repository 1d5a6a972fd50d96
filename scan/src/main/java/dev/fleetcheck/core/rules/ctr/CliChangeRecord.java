package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-CTR-002 (assisted): a CLI repository that keeps no change record at all ({@link
 * ChangeRecords}), so breaking changes cannot be documented. Known false FAIL: projects that write
 * release notes only in GitHub Releases.
 */
public final class CliChangeRecord implements Rule {

  static final String ID = "PY-CTR-002";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.CLI),
              "Keep a CHANGELOG.md (or towncrier/commitizen/release-please) and record every"
                  + " breaking CLI change in it.")
          .defined(
              "FAIL when the repository keeps no change record: no CHANGELOG*/CHANGES*/HISTORY*/"
                  + "NEWS*/RELEASE*NOTES* at the root or in docs/, no changelog.d/, newsfragments/"
                  + " or changes/ folder, no towncrier, commitizen, release-please,"
                  + " semantic-release or git-cliff configuration. Release notes kept only in"
                  + " GitHub Releases are not seen.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return outcome(context);
  }

  static Outcome outcome(RuleContext context) {
    return context.fact(ChangeRecords.FACT).isPresent()
        ? Outcome.noEvidentViolation()
        : Outcome.fail(Evidence.repository(ChangeRecords.missing()));
  }
}
