package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingStatus;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.SweepSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fleet report of any size, made up deterministically from a seed rather than scanned, for the
 * page-size tests and {@code make bench}: "small repositories" failing a few of 30 rules with up to
 * 50 stored findings each, about forty repositories a team, one scan in fifty failed, one failing
 * rule in ten new since the previous sweep. The aggregates come from the same code as the
 * assembler's, so they agree with the repositories listed.
 */
public final class GeneratedFleet {

  /** Rules of the generated catalogue. */
  public static final int RULES = 30;

  /** Repositories per team, roughly. */
  public static final int TEAM_SIZE = 40;

  private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
  private static final List<ErrorCode> FAILURES =
      List.of(ErrorCode.REPO_NOT_FOUND, ErrorCode.CLONE_TIMEOUT, ErrorCode.NO_PYTHON_PROJECT);

  private GeneratedFleet() {}

  /** The report of a sweep over {@code repositories} generated repositories. */
  public static FleetReportData of(int repositories) {
    return of(repositories, Math.max(1, repositories / TEAM_SIZE), 42L);
  }

  /** The same with {@code teams} teams and another seed. */
  public static FleetReportData of(int repositories, int teams, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, RuleInfo> rules = catalogue();
    List<String> ruleIds = List.copyOf(rules.keySet());
    List<RepositoryResult> results = new ArrayList<>();
    List<RepositoryChange> changes = new ArrayList<>();
    for (int i = 0; i < repositories; i++) {
      String name = String.format(Locale.ROOT, "org/service-%05d", i);
      String team = i % 97 == 0 ? "" : String.format(Locale.ROOT, "team-%04d", i % teams);
      String scanId = String.format(Locale.ROOT, "scan-%05d", i);
      if (random.nextInt(50) == 0) {
        ErrorCode code = FAILURES.get(random.nextInt(FAILURES.size()));
        results.add(
            new RepositoryResult.Failed(
                name, team, "", scanId, code, code.code() + ": the repository could not be read"));
        continue;
      }
      Instant scannedAt = START.plus(Duration.ofSeconds(i));
      List<FailedRule> failing = new ArrayList<>();
      List<String> newFailures = new ArrayList<>();
      List<String> fixed = new ArrayList<>();
      for (int r = 0; r < ruleIds.size(); r++) {
        String ruleId = ruleIds.get(r);
        // Rule r fails in about (r % 6 + 1) repositories of forty.
        if (random.nextInt(40) > r % 6) {
          if (random.nextInt(30) == 0) {
            fixed.add(ruleId);
          }
          continue;
        }
        boolean isNew = random.nextInt(10) == 0;
        if (isNew) {
          newFailures.add(ruleId);
        }
        int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 120 : 20);
        List<FindingDetail> findings = new ArrayList<>();
        for (int f = 0; f < Math.min(count, 50); f++) {
          findings.add(
              new FindingDetail(
                  String.format(Locale.ROOT, "%016x", random.nextLong()),
                  String.format(Locale.ROOT, "src/pkg_%d/module_%02d.py", r, f),
                  1 + random.nextInt(400),
                  "evidence for "
                      + ruleId
                      + ": pattern matched at this location (fingerprint "
                      + String.format(Locale.ROOT, "%08x", random.nextInt())
                      + ")",
                  isNew ? scannedAt : START.minus(Duration.ofDays(1 + random.nextInt(90))),
                  isNew ? FindingStatus.NEW : FindingStatus.STILL_OPEN));
        }
        failing.add(new FailedRule(ruleId, rules.get(ruleId).level(), count, findings, isNew));
      }
      double score = Math.round(1000.0 * (RULES - failing.size() * 2.5) / RULES) / 10.0;
      score = Math.max(0, score - random.nextInt(10));
      results.add(
          new RepositoryResult.Scanned(
              name,
              team,
              "https://git.example/" + name,
              scanId,
              String.format(Locale.ROOT, "%040x", i),
              scannedAt,
              score,
              ScoreBand.of(score),
              failing));
      if (!newFailures.isEmpty() || !fixed.isEmpty()) {
        changes.add(new RepositoryChange(name, newFailures, fixed));
      }
    }
    results.sort(Comparator.comparing(RepositoryResult::name));
    List<RepositoryResult.Scanned> scanned = FleetAggregates.scannedOnly(results);
    int failedScans = results.size() - scanned.size();
    return new FleetReportData(
        START.plus(Duration.ofDays(1)),
        new SweepSummary(
            "sw-generated",
            START,
            "sha256:generated",
            repositories,
            scanned.size(),
            failedScans,
            0,
            Optional.of("sw-previous")),
        FleetAggregates.totals(results, scanned, changes, 0),
        results,
        rules,
        passRates(ruleIds, scanned),
        FleetAggregates.distribution(scanned),
        FleetAggregates.teams(results),
        FleetAggregates.worst(scanned),
        changes);
  }

  private static Map<String, RuleInfo> catalogue() {
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    for (int r = 0; r < RULES; r++) {
      String id = String.format(Locale.ROOT, "PY-GEN-%03d", r);
      rules.put(
          id,
          new RuleInfo(
              id,
              "Generated section " + (r % 5),
              "Generated rule number " + r + " about an engineering practice",
              Level.values()[r % Level.values().length],
              true,
              "Follow the standard's section on this practice: change the configuration, add"
                  + " the missing file and rerun the scan to confirm the rule passes."));
    }
    return rules;
  }

  private static List<RulePassRate> passRates(
      List<String> ruleIds, List<RepositoryResult.Scanned> scanned) {
    List<RulePassRate> rates = new ArrayList<>();
    for (String rule : ruleIds) {
      int failed =
          (int)
              scanned.stream()
                  .filter(s -> s.failingRules().stream().anyMatch(f -> f.ruleId().equals(rule)))
                  .count();
      rates.add(new RulePassRate(rule, scanned.size() - failed, failed, 0, 0, 0));
    }
    rates.sort(
        Comparator.comparing((RulePassRate r) -> r.rate().orElse(Double.MAX_VALUE))
            .thenComparing(RulePassRate::ruleId));
    return rates;
  }
}
