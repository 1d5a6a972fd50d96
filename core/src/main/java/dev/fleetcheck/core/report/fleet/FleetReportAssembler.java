package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.CompareSweeps;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ReportCodec;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.core.report.fleet.FleetReportData.AssistedFindings;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.SweepSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Gathers one sweep's fleet report from the result and report stores, through the ports only, so
 * the embedded default and the AWS adapters serve the same report.
 *
 * <p>A sweep's repositories are those with a DONE entry (each has a latest result, so the latest
 * listing names them all) and those with a FAILED entry. Repositories still pending are counted,
 * not listed: the store keeps no list of what a sweep expects by name.
 */
public final class FleetReportAssembler {

  private static final int PAGE = PageRequest.MAX_LIMIT;

  private final ResultStore results;
  private final FleetQueries queries;
  private final Map<String, RuleMeta> rules;
  private final Clock clock;

  /**
   * @param rules every rule of the pack the fleet was scanned with, automated or not, in the
   *     standard's order (the rule pack's metadata, as data)
   */
  public FleetReportAssembler(
      ResultStore results,
      ReportStore reports,
      ReportCodec codec,
      List<RuleMeta> rules,
      Clock clock) {
    this.results = results;
    this.queries = new FleetQueries(results, reports, codec);
    Map<String, RuleMeta> byId = new LinkedHashMap<>();
    rules.forEach(meta -> byId.put(meta.id(), meta));
    this.rules = byId;
    this.clock = clock;
  }

  /**
   * The report of {@code sweepId}, or of the latest sweep when empty.
   *
   * @throws FleetcheckException SWEEP_NOT_FOUND when that sweep does not exist or none has run
   */
  public FleetReportData assemble(Optional<String> sweepId) {
    return assemble(sweepId, LatestFilter.all());
  }

  /**
   * As {@link #assemble(Optional)}, over only the repositories {@code filter} admits as the sweep
   * saw them: of the team, scanned with a score in the band, failing the rule (a repository that
   * could not be scanned has no band and fails no rule). The sweep's progress stays the whole
   * sweep's; every total, aggregate and change counts only the admitted repositories.
   */
  public FleetReportData assemble(Optional<String> sweepId, LatestFilter filter) {
    Sweep sweep =
        sweepId.isPresent()
            ? results
                .sweep(sweepId.get())
                .orElseThrow(
                    () ->
                        new FleetcheckException(
                            ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId.get()))
            : queries
                .latestSweep()
                .orElseThrow(
                    () ->
                        new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep has run yet"));
    return assemble(sweep, filter);
  }

  private FleetReportData assemble(Sweep sweep, LatestFilter filter) {
    String id = sweep.sweepId();
    SweepProgress progress = results.progress(id);
    Optional<Sweep> previous = results.previousSweep(id);
    Map<String, RepositoryChange> changes = changes(id, previous.isPresent());

    List<RepositoryResult> repositories = new ArrayList<>();
    for (String name : latestRepositoryNames()) {
      Optional<SweepEntry> entry = results.sweepEntry(id, name);
      if (entry.isPresent() && entry.get().state() == SweepEntry.State.DONE) {
        repositories.add(scanned(entry.get(), previous, changes.get(name)));
      }
    }
    for (SweepEntry entry : all(p -> results.failedEntries(id, p))) {
      repositories.add(failed(entry));
    }
    repositories.removeIf(r -> !admits(filter, r));
    Set<String> admitted = new HashSet<>();
    repositories.forEach(r -> admitted.add(r.name()));
    changes.keySet().retainAll(admitted);
    repositories.sort(Comparator.comparing(RepositoryResult::name));

    List<RepositoryResult.Scanned> scanned = FleetAggregates.scannedOnly(repositories);
    PassRates passRates = passRates(scanned);
    List<RepositoryChange> changeList = List.copyOf(changes.values());
    return new FleetReportData(
        clock.instant(),
        new SweepSummary(
            id,
            sweep.startedAt(),
            sweep.rulePackDigest(),
            progress.expected(),
            progress.done(),
            progress.failed(),
            progress.pending(),
            previous.map(Sweep::sweepId)),
        FleetAggregates.totals(repositories, scanned, changeList, passRates.unreadable()),
        repositories,
        ruleInfos(scanned, passRates, changeList),
        passRates.rates(),
        FleetAggregates.distribution(scanned),
        FleetAggregates.teams(repositories),
        FleetAggregates.worst(scanned),
        changeList,
        ruleKinds(passRates.rulesSeen()),
        passRates.assisted());
  }

  private static boolean admits(LatestFilter filter, RepositoryResult repository) {
    if (filter.team().isPresent() && !filter.team().get().equals(repository.team())) {
      return false;
    }
    if (filter.band().isEmpty() && filter.failingRule().isEmpty()) {
      return true;
    }
    if (!(repository instanceof RepositoryResult.Scanned scanned)) {
      return false;
    }
    return filter.band().map(b -> b == scanned.band()).orElse(true)
        && filter
            .failingRule()
            .map(r -> scanned.failingRules().stream().anyMatch(f -> f.ruleId().equals(r)))
            .orElse(true);
  }

  private List<String> latestRepositoryNames() {
    return all(p -> results.latest(LatestFilter.all(), p)).stream()
        .map(ScanRecord::repository)
        .toList();
  }

  private Map<String, RepositoryChange> changes(String sweepId, boolean hasPrevious) {
    Map<String, RepositoryChange> changes = new TreeMap<>();
    if (!hasPrevious) {
      return changes;
    }
    for (CompareSweeps.RepositoryChanges change :
        new CompareSweeps(results).call(sweepId).repositories()) {
      changes.put(
          change.repository(),
          new RepositoryChange(
              change.repository(), List.copyOf(change.newFailures()), List.copyOf(change.fixed())));
    }
    return changes;
  }

  private RepositoryResult.Scanned scanned(
      SweepEntry entry, Optional<Sweep> previous, RepositoryChange change) {
    ScanRecord record = storedScan(entry.scanId());
    if (!(record.outcome() instanceof ScanOutcome.Succeeded succeeded)) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED,
          "sweep entry of " + entry.repository() + " points at a scan that did not succeed");
    }
    Optional<Instant> baseline =
        previous
            .flatMap(p -> results.sweepEntry(p.sweepId(), entry.repository()))
            .filter(e -> e.state() == SweepEntry.State.DONE)
            .flatMap(e -> results.scan(e.scanId()))
            .map(ScanRecord::scannedAt);
    Set<String> newRules = change == null ? Set.of() : Set.copyOf(change.newFailures());
    List<FailedRule> failing = new ArrayList<>();
    for (FailingRule rule : results.failingRules(record.scanId())) {
      failing.add(
          FailedRule.of(
              rule,
              finding ->
                  baseline
                      .map(at -> finding.firstSeenAt().isAfter(at))
                      .orElseGet(() -> finding.newIn(record.scanId())),
              newRules.contains(rule.ruleId())));
    }
    failing.sort(Comparator.comparing(FailedRule::ruleId));
    return new RepositoryResult.Scanned(
        record.repository(),
        record.team(),
        RepositorySource.safe(record.source()),
        record.scanId(),
        record.commit(),
        record.scannedAt(),
        succeeded.score(),
        succeeded.band(),
        failing);
  }

  private RepositoryResult.Failed failed(SweepEntry entry) {
    ErrorCode code = entry.errorCode().orElseThrow();
    Optional<ScanRecord> record = results.scan(entry.scanId());
    String team = record.map(ScanRecord::team).orElse("");
    String source = record.map(r -> RepositorySource.safe(r.source())).orElse("");
    String message =
        record
            .map(ScanRecord::outcome)
            .filter(ScanOutcome.Failed.class::isInstance)
            .map(o -> ((ScanOutcome.Failed) o).message())
            .orElse(code.code());
    return new RepositoryResult.Failed(
        entry.repository(), team, source, entry.scanId(), code, message);
  }

  private ScanRecord storedScan(String scanId) {
    return results
        .scan(scanId)
        .orElseThrow(
            () ->
                new FleetcheckException(
                    ErrorCode.STORE_FAILED, "a sweep entry points at the missing scan " + scanId));
  }

  private record PassRates(
      List<RulePassRate> rates,
      List<AssistedFindings> assisted,
      Map<String, RuleMeta> rulesSeen,
      int unreadable) {}

  /**
   * How many rules of each kind: the kind the scanned reports give a rule, else the metadata's (a
   * deployment without a rule pack passes every rule as manual).
   */
  private Map<RuleKind, Integer> ruleKinds(Map<String, RuleMeta> seen) {
    Map<RuleKind, Integer> kinds = new EnumMap<>(RuleKind.class);
    for (RuleKind kind : RuleKind.values()) {
      kinds.put(kind, 0);
    }
    rules
        .values()
        .forEach(
            meta ->
                kinds.merge(
                    Optional.ofNullable(seen.get(meta.id()))
                        .map(RuleMeta::kind)
                        .orElse(meta.kind()),
                    1,
                    Integer::sum));
    return kinds;
  }

  /**
   * Tallies each automated and each assisted rule's outcomes over the full reports of the scanned
   * repositories.
   */
  private PassRates passRates(List<RepositoryResult.Scanned> scanned) {
    Map<String, int[]> tallies = new TreeMap<>();
    Map<String, int[]> assistedTallies = new TreeMap<>();
    Map<String, RuleMeta> rulesSeen = new TreeMap<>();
    for (RuleMeta meta : rules.values()) {
      if (meta.automated()) {
        tallies.put(meta.id(), new int[5]);
      } else if (meta.kind() == RuleKind.ASSISTED) {
        assistedTallies.put(meta.id(), new int[5]);
      }
    }
    int unreadable = 0;
    for (RepositoryResult.Scanned repository : scanned) {
      Optional<ScanReport> report = readReport(repository.scanId());
      if (report.isEmpty()) {
        unreadable++;
        continue;
      }
      for (RuleResult result : report.get().results()) {
        rulesSeen.put(result.rule().id(), result.rule());
        if (result.rule().kind() == RuleKind.ASSISTED) {
          assistedTallies
              .computeIfAbsent(result.rule().id(), r -> new int[5])[assistedSlot(result)]++;
          continue;
        }
        if (!result.rule().automated()) {
          continue;
        }
        int[] tally = tallies.computeIfAbsent(result.rule().id(), r -> new int[5]);
        tally[slot(result)]++;
      }
    }
    List<RulePassRate> rates = new ArrayList<>();
    tallies.forEach((rule, t) -> rates.add(new RulePassRate(rule, t[0], t[1], t[2], t[3], t[4])));
    rates.sort(
        Comparator.comparing((RulePassRate r) -> r.rate().orElse(Double.MAX_VALUE))
            .thenComparing(RulePassRate::ruleId));
    List<AssistedFindings> assisted = new ArrayList<>();
    assistedTallies.forEach(
        (rule, t) -> assisted.add(new AssistedFindings(rule, t[0], t[1], t[2], t[3], t[4])));
    assisted.sort(
        Comparator.comparing((AssistedFindings a) -> -(a.failed() + a.waived()))
            .thenComparing(AssistedFindings::ruleId));
    return new PassRates(rates, assisted, rulesSeen, unreadable);
  }

  /** The tally slot of an assisted outcome: failed, waived, no evident violation, errored, n/a. */
  private static int assistedSlot(RuleResult result) {
    return switch (result.status()) {
      case FAIL -> 0;
      case WAIVED -> 1;
      case MANUAL -> 2;
      case ERROR -> 3;
      default -> 4;
    };
  }

  /** The tally slot of an outcome: passed, failed, waived, errored, not applicable. */
  private static int slot(RuleResult result) {
    return switch (result.status()) {
      case PASS -> 0;
      case FAIL -> 1;
      case WAIVED -> 2;
      case ERROR -> 3;
      default -> 4;
    };
  }

  private Optional<ScanReport> readReport(String scanId) {
    try {
      return Optional.of(queries.report(scanId));
    } catch (FleetcheckException e) {
      if (e.errorCode() == ErrorCode.REPORT_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Map<String, RuleInfo> ruleInfos(
      List<RepositoryResult.Scanned> scanned, PassRates passRates, List<RepositoryChange> changes) {
    Map<String, Level> mentioned = new TreeMap<>();
    for (RepositoryResult.Scanned repository : scanned) {
      for (FailedRule rule : repository.failingRules()) {
        mentioned.putIfAbsent(rule.ruleId(), rule.level());
      }
    }
    passRates.rates().forEach(r -> mentioned.putIfAbsent(r.ruleId(), Level.ADVISORY));
    passRates.assisted().forEach(a -> mentioned.putIfAbsent(a.ruleId(), Level.ADVISORY));
    for (RepositoryChange change : changes) {
      change.fixed().forEach(r -> mentioned.putIfAbsent(r, Level.ADVISORY));
    }
    Map<String, RuleInfo> infos = new TreeMap<>();
    mentioned.forEach((id, level) -> infos.put(id, ruleInfo(id, level, passRates.rulesSeen())));
    return infos;
  }

  /**
   * What the reports' own rule pack said about a rule comes first: a reader without the rule pack
   * (the API function) knows only the catalogue, so its metadata would call every rule manual.
   */
  private RuleInfo ruleInfo(String id, Level fallbackLevel, Map<String, RuleMeta> rulesSeen) {
    return Optional.ofNullable(rulesSeen.get(id))
        .or(() -> Optional.ofNullable(rules.get(id)))
        .map(RuleInfo::of)
        .orElseGet(
            () ->
                new RuleInfo(
                    id,
                    "",
                    id + " (not in this rule pack)",
                    fallbackLevel,
                    RuleKind.MANUAL,
                    "This rule pack does not know the rule; rescan with the current pack."));
  }

  /** Every item of a paged listing, following cursors to the end. */
  private static <T> List<T> all(Function<PageRequest, Page<T>> query) {
    List<T> items = new ArrayList<>();
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<T> page = query.apply(request);
      items.addAll(page.items());
      if (page.next().isEmpty()) {
        return items;
      }
      request = PageRequest.after(page.next().get(), PAGE);
    }
  }
}
