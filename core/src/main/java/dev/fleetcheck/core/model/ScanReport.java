package dev.fleetcheck.core.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full result of scanning one repository. Results are ordered by rule ID; notes hold what the
 * scan itself met (limits hit, malformed files, invalid waivers) whatever the rules said.
 */
public record ScanReport(
    String toolVersion,
    String standardVersion,
    String rulePackDigest,
    RepositoryRef repository,
    Instant scannedAt,
    Set<Profile> profiles,
    List<RuleResult> results,
    Score score,
    List<Evidence> notes) {

  public ScanReport {
    profiles = Set.copyOf(profiles);
    results = List.copyOf(results);
    notes = List.copyOf(notes);
  }

  /**
   * Whether the repository holds a Python project (the {@code python} profile). Without one every
   * rule is NOT_APPLICABLE and nothing is scored: the repository is neither compliant nor not, and
   * outputs say so instead of showing a score.
   */
  public boolean pythonProject() {
    return profiles.contains(Profile.PYTHON);
  }

  /** How many results have each status, every status present (zero included). */
  public Map<Status, Integer> counts() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    for (RuleResult result : results) {
      counts.merge(result.status(), 1, Integer::sum);
    }
    return counts;
  }

  /** How many results have each rule kind (automated, assisted, manual), every kind present. */
  public Map<RuleKind, Integer> kindCounts() {
    Map<RuleKind, Integer> counts = new EnumMap<>(RuleKind.class);
    for (RuleKind kind : RuleKind.values()) {
      counts.put(kind, 0);
    }
    for (RuleResult result : results) {
      counts.merge(result.rule().kind(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Until when this report says what a fresh scan of the same commit would: the start (UTC) of the
   * day after the earliest expiry among the waivers it applied, since from then on that waiver no
   * longer waives. Empty when it applied none.
   */
  public Optional<Instant> validUntil() {
    return results.stream()
        .map(RuleResult::outcome)
        .filter(Outcome.Waived.class::isInstance)
        .map(outcome -> ((Outcome.Waived) outcome).waiver().expires())
        .min(java.util.Comparator.naturalOrder())
        .map(expires -> expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
