package dev.fleetcheck.core.engine;

import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.Score;
import dev.fleetcheck.core.model.Status;
import java.util.List;

/** The weighted score of RULES.md; scoring is kept apart from checking and from reporting. */
public final class Scoring {

  private Scoring() {}

  public static Score score(List<RuleResult> results) {
    int earned = 0;
    int possible = 0;
    for (RuleResult result : results) {
      Status status = result.status();
      if (!status.scored()) {
        continue;
      }
      int weight = result.level().weight();
      possible += weight;
      if (status == Status.PASS || status == Status.WAIVED) {
        earned += weight;
      }
    }
    double value = possible == 0 ? 100.0 : Math.round(1000.0 * earned / possible) / 10.0;
    return new Score(value, earned, possible);
  }
}
