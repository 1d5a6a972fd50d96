package dev.fleetcheck.core.model;

import java.util.Objects;
import java.util.Optional;

/** Narrows the latest-result-per-repository listing; empty parts do not filter. */
public record LatestFilter(
    Optional<String> team, Optional<ScoreBand> band, Optional<String> failingRule) {

  public LatestFilter {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(failingRule, "failingRule");
  }

  public static LatestFilter all() {
    return new LatestFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public LatestFilter withTeam(String value) {
    return new LatestFilter(Optional.of(value), band, failingRule);
  }

  public LatestFilter withBand(ScoreBand value) {
    return new LatestFilter(team, Optional.of(value), failingRule);
  }

  public LatestFilter withFailingRule(String ruleId) {
    return new LatestFilter(team, band, Optional.of(ruleId));
  }

  /** A stable text form, part of the cursor scope so a cursor only fits the query it came from. */
  public String scope() {
    return "team="
        + team.orElse("*")
        + "|band="
        + band.map(ScoreBand::id).orElse("*")
        + "|rule="
        + failingRule.orElse("*");
  }
}
