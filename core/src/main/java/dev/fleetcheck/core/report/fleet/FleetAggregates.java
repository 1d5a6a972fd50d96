package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingStatus;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.ScoreBucket;
import dev.fleetcheck.core.report.fleet.FleetReportData.TeamSummary;
import dev.fleetcheck.core.report.fleet.FleetReportData.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fleet-wide figures computed from the repositories' results alone (totals, score buckets,
 * teams, worst repositories), apart from where the results come from.
 */
final class FleetAggregates {

  private static final int BUCKETS = 10;

  /** Lowest score first, ties by name: the worst repositories and the page's detail order. */
  static final Comparator<RepositoryResult.Scanned> LOWEST_FIRST =
      Comparator.comparingDouble(RepositoryResult.Scanned::score)
          .thenComparing(RepositoryResult.Scanned::name);

  private FleetAggregates() {}

  static Totals totals(
      List<RepositoryResult> repositories,
      List<RepositoryResult.Scanned> scanned,
      List<RepositoryChange> changes,
      int unreadable) {
    int withFailures = 0;
    int failingRules = 0;
    int newFindings = 0;
    int stillOpen = 0;
    for (RepositoryResult.Scanned repository : scanned) {
      withFailures += repository.failingRules().isEmpty() ? 0 : 1;
      failingRules += repository.failingRules().size();
      for (FailedRule rule : repository.failingRules()) {
        for (FindingDetail finding : rule.findings()) {
          if (finding.status() == FindingStatus.NEW) {
            newFindings++;
          } else {
            stillOpen++;
          }
        }
      }
    }
    return new Totals(
        repositories.size(),
        scanned.size(),
        repositories.size() - scanned.size(),
        meanScore(scanned),
        withFailures,
        failingRules,
        newFindings,
        stillOpen,
        changes.stream().mapToInt(c -> c.newFailures().size()).sum(),
        changes.stream().mapToInt(c -> c.fixed().size()).sum(),
        unreadable);
  }

  static List<ScoreBucket> distribution(List<RepositoryResult.Scanned> scanned) {
    int[] counts = new int[BUCKETS];
    for (RepositoryResult.Scanned repository : scanned) {
      int bucket = (int) Math.floor(repository.score() / 10.0);
      counts[Math.max(0, Math.min(BUCKETS - 1, bucket))]++;
    }
    List<ScoreBucket> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      buckets.add(new ScoreBucket(i * 10, (i + 1) * 10, counts[i]));
    }
    return buckets;
  }

  static List<TeamSummary> teams(List<RepositoryResult> repositories) {
    Map<String, List<RepositoryResult>> byTeam = new TreeMap<>();
    for (RepositoryResult repository : repositories) {
      byTeam.computeIfAbsent(repository.team(), t -> new ArrayList<>()).add(repository);
    }
    List<TeamSummary> teams = new ArrayList<>();
    byTeam.forEach(
        (team, members) -> {
          List<RepositoryResult.Scanned> scanned = scannedOnly(members);
          Map<String, Integer> failingByRule = new TreeMap<>();
          for (RepositoryResult.Scanned repository : scanned) {
            for (FailedRule rule : repository.failingRules()) {
              failingByRule.merge(rule.ruleId(), 1, Integer::sum);
            }
          }
          Optional<Map.Entry<String, Integer>> worstRule =
              failingByRule.entrySet().stream()
                  .max(
                      Comparator.comparing(Map.Entry<String, Integer>::getValue)
                          .thenComparing(
                              Map.Entry<String, Integer>::getKey, Comparator.reverseOrder()));
          teams.add(
              new TeamSummary(
                  team,
                  members.size(),
                  scanned.size(),
                  members.size() - scanned.size(),
                  meanScore(scanned),
                  (int) scanned.stream().filter(r -> !r.failingRules().isEmpty()).count(),
                  worstRule.map(Map.Entry::getKey),
                  worstRule.map(Map.Entry::getValue).orElse(0)));
        });
    return teams;
  }

  static List<RepositoryResult.Scanned> worst(List<RepositoryResult.Scanned> scanned) {
    return scanned.stream().sorted(LOWEST_FIRST).limit(FleetReportData.WORST_LIMIT).toList();
  }

  static Optional<Double> meanScore(List<RepositoryResult.Scanned> scanned) {
    if (scanned.isEmpty()) {
      return Optional.empty();
    }
    double sum = 0;
    for (RepositoryResult.Scanned repository : scanned) {
      sum += repository.score();
    }
    return Optional.of(Math.round(10.0 * sum / scanned.size()) / 10.0);
  }

  static List<RepositoryResult.Scanned> scannedOnly(List<RepositoryResult> repositories) {
    List<RepositoryResult.Scanned> scanned = new ArrayList<>();
    for (RepositoryResult repository : repositories) {
      if (repository instanceof RepositoryResult.Scanned s) {
        scanned.add(s);
      }
    }
    return scanned;
  }
}
