package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.contract.FakeFleet;
import dev.fleetcheck.core.contract.InMemoryReportCodec;
import dev.fleetcheck.core.contract.InMemoryReportStore;
import dev.fleetcheck.core.contract.InMemoryResultStore;
import dev.fleetcheck.core.contract.MarkerScanner;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.port.FailureLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A small fleet run through the real scan use cases over in-memory stores: marker rules decide what
 * each repository fails, and two sweeps give the report something to compare.
 *
 * <p>Sweep one: alpha fails A; bravo fails A and B; charlie fails nothing; delta fails C; a
 * repository with a hostile name fails A; echo cannot be fetched. Sweep two: alpha fixed A and now
 * fails B; delta also fails A; the others are unchanged.
 */
final class FixtureFleet {

  static final String RULE_A = "PY-QR-003";
  static final String RULE_B = "PY-OBS-012";
  static final String RULE_C = "PY-LCL-023";
  static final String HOSTILE_NAME = "<script>alert('x')</script>";
  static final String HOSTILE_TEAM = "<img src=x onerror=alert(1)>";
  static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
  static final Instant GENERATED = Instant.parse("2026-06-03T08:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryResultStore results = new InMemoryResultStore();
  final InMemoryReportStore reports = new InMemoryReportStore();
  final InMemoryReportCodec codec = new InMemoryReportCodec();
  final FakeFleet fleet;
  static final String ASSISTED_RULE = "PY-SEC-045";
  final MarkerScanner scanner;

  FixtureFleet(Path workRoot) {
    this(workRoot, false);
  }

  private FixtureFleet(Path workRoot, boolean withAssisted) {
    fleet = new FakeFleet(workRoot);
    scanner =
        withAssisted
            ? new MarkerScanner(clock, RULE_A, ASSISTED_RULE).assisted(ASSISTED_RULE)
            : new MarkerScanner(clock, RULE_A, RULE_B, RULE_C);
  }

  /**
   * One sweep with an assisted marker rule besides RULE_A: alpha fails the assisted rule, bravo
   * fails RULE_A, charlie fails nothing.
   */
  static FixtureFleet withAssistedRule(Path workRoot) {
    FixtureFleet fixture = new FixtureFleet(workRoot, true);
    fixture
        .fleet
        .add("alpha", "payments", ASSISTED_RULE)
        .add("bravo", "payments", RULE_A)
        .add("charlie", "search");
    fixture.sweep("sw-1");
    return fixture;
  }

  /** The fleet after both sweeps. */
  static FixtureFleet twoSweeps(Path workRoot) {
    FixtureFleet fixture = new FixtureFleet(workRoot);
    fixture
        .fleet
        .add("alpha", "payments", RULE_A)
        .add("bravo", "payments", RULE_A, RULE_B)
        .add("charlie", "search")
        .add("delta", "search", RULE_C)
        .add(HOSTILE_NAME, HOSTILE_TEAM, RULE_A)
        .add("echo", "")
        .failAlways("echo", ErrorCode.REPO_NOT_FOUND);
    fixture.sweep("sw-1");
    fixture.clock.advance(Duration.ofDays(1));
    fixture.fleet.commit("alpha", RULE_B).commit("delta", RULE_A, RULE_C);
    fixture.sweep("sw-2");
    return fixture;
  }

  /** Runs a whole sweep: the sweep record, then every repository's job, one after the other. */
  void sweep(String sweepId) {
    List<RepoRef> repositories = fleet.list();
    results.createSweep(
        new Sweep(sweepId, clock.instant(), repositories.size(), scanner.rulePackDigest()));
    ScanRepository scan =
        new ScanRepository(fleet, scanner, codec, reports, results, clock, FailureLog.NONE);
    for (RepoRef repository : repositories) {
      clock.advance(Duration.ofSeconds(30));
      scan.call(ScanJob.forSweep(sweepId, repository, clock.instant()), new Attempt(1, 1));
    }
  }

  FleetReportAssembler assembler() {
    return new FleetReportAssembler(
        results, reports, codec, scanner.metas(), Clock.fixed(GENERATED, ZoneOffset.UTC));
  }

  /** A reader without the rule pack, like the API function: it knows every rule as manual. */
  FleetReportAssembler catalogueOnlyAssembler() {
    List<RuleMeta> manual =
        scanner.metas().stream()
            .map(
                m ->
                    new RuleMeta(
                        m.id(), m.section(), m.title(), m.level(), Set.of(), RuleKind.MANUAL, ""))
            .toList();
    return new FleetReportAssembler(
        results, reports, codec, manual, Clock.fixed(GENERATED, ZoneOffset.UTC));
  }
}
