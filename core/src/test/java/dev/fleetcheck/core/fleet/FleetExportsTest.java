package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.contract.InMemoryReportStore;
import dev.fleetcheck.core.contract.InMemoryResultStore;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.report.JsonReportCodec;
import dev.fleetcheck.core.report.fleet.FleetReportAssembler;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetExportsTest {

  private static final Instant AT = Instant.parse("2026-12-07T03:05:00Z");
  private static final String SWEEP = "sw-1";

  private final InMemoryResultStore results = new InMemoryResultStore();
  private final InMemoryReportStore reports = new InMemoryReportStore();
  private FleetExports exports;

  @BeforeEach
  void seed() {
    Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    results.createSweep(new Sweep(SWEEP, AT, 3, "pack"));
    scanned("s-a", "alpha", "payments", 95.0, List.of());
    scanned("s-b", "beta", "payments", 40.0, List.of("PY-SEC-041"));
    scanned("s-c", "gamma", "search", 60.0, List.of("PY-SEC-041"));
    exports =
        new FleetExports(
            new FleetReportAssembler(results, reports, new JsonReportCodec(), List.of(), clock),
            reports,
            clock);
  }

  private void scanned(String id, String repo, String team, double score, List<String> failing) {
    results.putScan(
        new ScanRecord(
            id,
            repo,
            team,
            "https://example.com/" + repo + ".git",
            "c".repeat(40),
            "pack",
            SWEEP,
            AT,
            new ScanOutcome.Succeeded(score, Map.of(), failing, "scans/" + id)),
        failing.stream().map(r -> new FailingRule(r, Level.REQUIRED, 0, List.of())).toList());
    results.recordSweepEntry(SweepEntry.done(SWEEP, repo, id, AT));
  }

  private String file(FleetExports.Export export) {
    return new String(reports.get(export.fileKey()).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void anExportHoldsOnlyTheRepositoriesItsFilterAdmitsAndCanBeFoundAgain() {
    var filter = LatestFilter.all().withTeam("payments").withFailingRule("PY-SEC-041");

    FleetExports.Export export =
        exports
            .create(
                new FleetExports.Request(FleetReportFormat.CSV, Optional.empty(), filter),
                Optional.empty())
            .export();

    assertThat(file(export)).contains("beta").doesNotContain("alpha").doesNotContain("gamma");
    assertThat(export.sweepId()).isEqualTo(SWEEP);
    assertThat(exports.find(export.exportId())).contains(export);
  }

  @Test
  void aBandFilterKeepsTheRepositoriesScoredInTheBand() {
    var request =
        new FleetExports.Request(
            FleetReportFormat.JSON,
            Optional.of(SWEEP),
            LatestFilter.all().withBand(ScoreBand.STRONG));

    String json = file(exports.create(request, Optional.empty()).export());

    assertThat(json).contains("alpha").doesNotContain("beta").doesNotContain("gamma");
  }

  @Test
  void theSameKeyAnswersTheFirstExportAndAnotherRequestWithItIsAConflict() {
    var csv = new FleetExports.Request(FleetReportFormat.CSV, Optional.empty(), LatestFilter.all());
    var html =
        new FleetExports.Request(FleetReportFormat.HTML, Optional.empty(), LatestFilter.all());

    var first = exports.create(csv, Optional.of("k1"));
    var again = exports.create(csv, Optional.of("k1"));

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.export().exportId()).isEqualTo(first.export().exportId());
    assertThatThrownBy(() -> exports.create(html, Optional.of("k1")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
  }

  @Test
  void anUnknownOrMalformedIdFindsNothing() {
    assertThat(exports.find("e-000000000000000000000000")).isEmpty();
    assertThat(exports.find("../scans/s-a/report")).isEmpty();
  }
}
