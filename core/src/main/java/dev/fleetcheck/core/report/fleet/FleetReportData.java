package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.ScoreBand;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything a fleet report shows about one sweep, already sorted: every renderer (HTML, JSON, CSV,
 * SARIF) reads this and nothing else, so the formats cannot disagree.
 */
public record FleetReportData(
    Instant generatedAt,
    SweepSummary sweep,
    Totals totals,
    List<RepositoryResult> repositories,
    Map<String, RuleInfo> rules,
    List<RulePassRate> passRates,
    List<ScoreBucket> scoreDistribution,
    List<TeamSummary> teams,
    List<RepositoryResult.Scanned> worstRepositories,
    List<RepositoryChange> changes,
    Map<RuleKind, Integer> ruleKinds,
    List<AssistedFindings> assistedFindings) {

  /** How many repositories the worst-repositories table lists. */
  public static final int WORST_LIMIT = 10;

  public FleetReportData {
    generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(totals, "totals");
    repositories = List.copyOf(repositories);
    rules = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rules));
    passRates = List.copyOf(passRates);
    scoreDistribution = List.copyOf(scoreDistribution);
    teams = List.copyOf(teams);
    worstRepositories = List.copyOf(worstRepositories);
    changes = List.copyOf(changes);
    ruleKinds = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(ruleKinds));
    assistedFindings = List.copyOf(assistedFindings);
  }

  /** "314 rules: 50 automated, 20 assisted, 244 manual" for the rule pack of the sweep. */
  public String ruleKindSummary() {
    int total = ruleKinds.values().stream().mapToInt(Integer::intValue).sum();
    List<String> parts = new java.util.ArrayList<>();
    for (RuleKind kind : RuleKind.values()) {
      parts.add(ruleKinds.getOrDefault(kind, 0) + " " + kind.id());
    }
    return total + " rules: " + String.join(", ", parts);
  }

  /** The catalogue metadata of a rule the report mentions. */
  public RuleInfo rule(String ruleId) {
    RuleInfo info = rules.get(ruleId);
    if (info == null) {
      throw new IllegalArgumentException("the report holds no metadata for " + ruleId);
    }
    return info;
  }

  /** The sweep reported on, its progress, and the sweep it is compared with. */
  public record SweepSummary(
      String sweepId,
      Instant startedAt,
      String rulePackDigest,
      int expected,
      int done,
      int failed,
      int pending,
      Optional<String> previousSweepId) {

    public SweepSummary {
      Objects.requireNonNull(sweepId, "sweepId");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(rulePackDigest, "rulePackDigest");
      Objects.requireNonNull(previousSweepId, "previousSweepId");
    }
  }

  /**
   * Fleet-wide figures. {@code reportsUnreadable} counts scanned repositories whose full report
   * could not be read: they are left out of the pass rates, nothing else.
   */
  public record Totals(
      int repositories,
      int scanned,
      int failedScans,
      Optional<Double> meanScore,
      int repositoriesWithFailures,
      int failingRules,
      int newFindings,
      int stillOpenFindings,
      int newFailures,
      int fixedRules,
      int reportsUnreadable) {}

  /** A repository's answer in the sweep: a scan that ran, or one that could not. */
  public sealed interface RepositoryResult {

    String name();

    /** The team the inventory names; empty when it names none. */
    String team();

    /** Where the repository lives, without credentials; empty when unknown. */
    String source();

    String scanId();

    /** The repository's scan in the sweep, with the rules it failed by rule ID. */
    record Scanned(
        String name,
        String team,
        String source,
        String scanId,
        String commit,
        Instant scannedAt,
        double score,
        ScoreBand band,
        List<FailedRule> failingRules)
        implements RepositoryResult {

      public Scanned {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(band, "band");
        failingRules = List.copyOf(failingRules);
      }
    }

    /** The scan could not complete; {@code message} never holds a secret. */
    record Failed(
        String name, String team, String source, String scanId, ErrorCode errorCode, String message)
        implements RepositoryResult {

      public Failed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
      }
    }
  }

  /**
   * A rule a repository failed: the level that applied, how many findings its report holds, the
   * stored ones (at most {@link dev.fleetcheck.core.model.FailingRule#MAX_STORED_FINDINGS}), and
   * whether the rule did not fail there in the previous sweep.
   */
  public record FailedRule(
      String ruleId, Level level, int findingCount, List<FindingDetail> findings, boolean isNew) {

    public FailedRule {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(level, "level");
      findings = List.copyOf(findings);
    }

    /**
     * A stored failing rule as the report shows it: findings by path, line, message and
     * fingerprint, each new when {@code isNew} says so.
     *
     * @param newFailure whether the rule did not fail in the repository's previous sweep
     */
    public static FailedRule of(FailingRule rule, Predicate<Finding> isNew, boolean newFailure) {
      List<FindingDetail> findings = new ArrayList<>();
      for (Finding finding : rule.findings()) {
        findings.add(
            new FindingDetail(
                finding.fingerprint(),
                finding.path(),
                finding.line(),
                finding.message(),
                finding.firstSeenAt(),
                isNew.test(finding) ? FindingStatus.NEW : FindingStatus.STILL_OPEN));
      }
      findings.sort(
          Comparator.comparing(FindingDetail::path)
              .thenComparingInt(FindingDetail::line)
              .thenComparing(FindingDetail::message)
              .thenComparing(FindingDetail::fingerprint));
      return new FailedRule(rule.ruleId(), rule.level(), rule.findingCount(), findings, newFailure);
    }
  }

  /** One piece of evidence of a failing rule; the message carries fingerprints, never secrets. */
  public record FindingDetail(
      String fingerprint,
      String path,
      int line,
      String message,
      Instant firstSeenAt,
      FindingStatus status) {

    public FindingDetail {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(firstSeenAt, "firstSeenAt");
      Objects.requireNonNull(status, "status");
    }

    /** "path:line", "path", or empty for the repository as a whole. */
    public String location() {
      if (path.isEmpty()) {
        return "";
      }
      return line > 0 ? path + ":" + line : path;
    }
  }

  /** Whether a finding appeared since the previous sweep or was already there. */
  public enum FindingStatus {
    NEW,
    STILL_OPEN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
      return this == NEW ? "new" : "still open";
    }
  }

  /** A rule's catalogue metadata: what every format shows beside a failure. */
  public record RuleInfo(
      String id, String section, String title, Level level, RuleKind kind, String remediation) {

    /** The report's view of a rule pack's metadata. */
    public static RuleInfo of(RuleMeta meta) {
      return new RuleInfo(
          meta.id(), meta.section(), meta.title(), meta.level(), meta.kind(), meta.remediation());
    }

    public boolean automated() {
      return kind == RuleKind.AUTOMATED;
    }
  }

  /**
   * How an assisted rule fared across the scanned fleet: repositories with an evident violation
   * (failed, waived), those where nothing evident was found (MANUAL, left to a person), and the
   * rest. An assisted rule never passes, so it has no pass rate.
   */
  public record AssistedFindings(
      String ruleId,
      int failed,
      int waived,
      int noEvidentViolation,
      int errored,
      int notApplicable) {}

  /**
   * How an automated rule fared across the scanned fleet. The pass rate follows the score: (passed
   * + waived) / (passed + waived + failed + errored); not-applicable outcomes do not count.
   */
  public record RulePassRate(
      String ruleId, int passed, int failed, int waived, int errored, int notApplicable) {

    public int scored() {
      return passed + waived + failed + errored;
    }

    /** The pass rate in percent with one decimal, empty when no repository was scored. */
    public Optional<Double> rate() {
      if (scored() == 0) {
        return Optional.empty();
      }
      return Optional.of(Math.round(1000.0 * (passed + waived) / scored()) / 10.0);
    }
  }

  /**
   * Scanned repositories whose score lies in [{@code lower}, {@code upper}); the last bucket also
   * holds a score of exactly 100.
   */
  public record ScoreBucket(int lower, int upper, int count) {

    public String label() {
      return upper == 100 ? lower + "-100" : lower + "-" + (upper - 1) + ".9";
    }
  }

  /**
   * One team's row: repositories in the sweep, how many were scanned or failed to scan, their mean
   * score, how many fail at least one rule, and the rule that fails in most of them.
   */
  public record TeamSummary(
      String team,
      int repositories,
      int scanned,
      int failedScans,
      Optional<Double> meanScore,
      int repositoriesWithFailures,
      Optional<String> worstRule,
      int worstRuleRepositories) {}

  /** Rules a repository fails now but did not in the previous sweep, and rules it fixed. */
  public record RepositoryChange(String repository, List<String> newFailures, List<String> fixed) {

    public RepositoryChange {
      Objects.requireNonNull(repository, "repository");
      newFailures = List.copyOf(newFailures);
      fixed = List.copyOf(fixed);
    }
  }
}
