package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The groupings the bounded HTML page shows and the report data holds only per repository: failed
 * scans by error code, changes since the previous sweep by rule, and the scanned repositories
 * lowest score first (the order in which they get a detail block).
 *
 * @param failuresByCode failed scans per error code, by code
 * @param failed the repositories whose scan failed, by name
 * @param ruleChanges rules that started failing somewhere or were fixed somewhere, by rule ID
 * @param lowestFirst scanned repositories by score, then name
 */
record FleetPageDigest(
    Map<String, Integer> failuresByCode,
    List<RepositoryResult.Failed> failed,
    List<RuleChange> ruleChanges,
    List<RepositoryResult.Scanned> lowestFirst) {

  FleetPageDigest {
    failuresByCode = Collections.unmodifiableMap(new TreeMap<>(failuresByCode));
    failed = List.copyOf(failed);
    ruleChanges = List.copyOf(ruleChanges);
    lowestFirst = List.copyOf(lowestFirst);
  }

  /**
   * One rule's change since the previous sweep.
   *
   * @param failingNow scanned repositories failing the rule in this sweep
   * @param newlyFailing repositories failing it now and not in the previous sweep, by name
   * @param fixed repositories that failed it in the previous sweep and pass it now
   */
  record RuleChange(String ruleId, int failingNow, List<String> newlyFailing, int fixed) {

    RuleChange {
      newlyFailing = List.copyOf(newlyFailing);
    }
  }

  static FleetPageDigest of(FleetReportData data) {
    Map<String, Integer> byCode = new TreeMap<>();
    List<RepositoryResult.Failed> failed = new ArrayList<>();
    Map<String, Integer> failingNow = new TreeMap<>();
    for (RepositoryResult repository : data.repositories()) {
      if (repository instanceof RepositoryResult.Failed f) {
        failed.add(f);
        byCode.merge(f.errorCode().code(), 1, Integer::sum);
      } else if (repository instanceof RepositoryResult.Scanned scanned) {
        for (FailedRule rule : scanned.failingRules()) {
          failingNow.merge(rule.ruleId(), 1, Integer::sum);
        }
      }
    }
    Map<String, List<String>> newlyFailing = new TreeMap<>();
    Map<String, Integer> fixed = new TreeMap<>();
    for (RepositoryChange change : data.changes()) {
      for (String rule : change.newFailures()) {
        newlyFailing.computeIfAbsent(rule, r -> new ArrayList<>()).add(change.repository());
      }
      for (String rule : change.fixed()) {
        fixed.merge(rule, 1, Integer::sum);
      }
    }
    TreeMap<String, RuleChange> changes = new TreeMap<>();
    for (String rule : union(newlyFailing.keySet(), fixed.keySet())) {
      List<String> names = new ArrayList<>(newlyFailing.getOrDefault(rule, List.of()));
      names.sort(null);
      changes.put(
          rule,
          new RuleChange(
              rule, failingNow.getOrDefault(rule, 0), names, fixed.getOrDefault(rule, 0)));
    }
    failed.sort(Comparator.comparing(RepositoryResult::name));
    return new FleetPageDigest(
        byCode,
        failed,
        List.copyOf(changes.values()),
        FleetAggregates.scannedOnly(data.repositories()).stream()
            .sorted(FleetAggregates.LOWEST_FIRST)
            .toList());
  }

  private static List<String> union(Set<String> first, Set<String> second) {
    TreeSet<String> all = new TreeSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
