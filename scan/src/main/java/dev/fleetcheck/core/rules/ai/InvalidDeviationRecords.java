package dev.fleetcheck.core.rules.ai;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.waiver.WaiverRecords;
import dev.fleetcheck.core.waiver.WaiverSet;
import java.util.Set;

/**
 * PY-AI-006 (assisted): decision records that try to waive rules without the rationale and expiry
 * the standard requires, as the waiver reader finds them. Expired records are left out: a rule has
 * no scan date, and the engine already refuses an expired waiver (the waived rule keeps its FAIL).
 */
public final class InvalidDeviationRecords implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-AI-006",
              Set.of(Profile.PYTHON),
              "Give every decision record that waives rules a Waives: line, an Expires: date"
                  + " (YYYY-MM-DD) and a rationale.")
          .defined(
              "FAIL per decision record (docs/adr/, docs/decisions/, adr/ ...) with a Waives: line"
                  + " but no valid Expires: date or no rationale; else MANUAL. NOT_APPLICABLE when"
                  + " no decision record waives a rule. Expired records are not reported here.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    WaiverSet waivers = context.fact(WaiverRecords.FACT);
    if (waivers.waivers().isEmpty() && waivers.invalid().isEmpty()) {
      return Outcome.notApplicable("no decision record waives a rule");
    }
    return Outcome.assisted(waivers.invalid());
  }
}
