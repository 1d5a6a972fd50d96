package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.contract.FleetHarness;
import dev.fleetcheck.core.contract.InMemoryAdapters;
import dev.fleetcheck.core.contract.InMemoryReportCodec;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.RepoScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanRepositoryTest {

  private record Logged(
      String event, ErrorCode code, String message, Map<String, String> context) {}

  @TempDir Path root;

  @Test
  void anUnexpectedFailureIsToldWithItsCauseRedactedAndLogged() {
    FleetHarness h = new FleetHarness(root, 3, InMemoryAdapters::open);
    h.fleet.add("alpha", "core");
    String sweepId = h.startSweep().call(SweepTrigger.named("sw-1")).sweep().sweepId();
    String token = "ghp_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";
    RepoScanner exploding =
        new RepoScanner() {
          @Override
          public String rulePackDigest() {
            return h.scanner.rulePackDigest();
          }

          @Override
          public ScannedRepo scan(Path directory, RepositoryRef repository) {
            throw new IllegalStateException("parser gave up near " + token);
          }
        };
    List<Logged> log = new ArrayList<>();
    ScanRepository scan =
        new ScanRepository(
            h.fleet,
            exploding,
            new InMemoryReportCodec(),
            h.adapters.reports(),
            h.adapters.results(),
            h.clock,
            (event, code, message, context) -> log.add(new Logged(event, code, message, context)));

    JobResult last =
        scan.call(
            ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant()), new Attempt(3, 3));

    assertThat(last)
        .isInstanceOfSatisfying(
            JobResult.Failed.class,
            f -> {
              assertThat(f.errorCode()).isEqualTo(ErrorCode.SCAN_FAILED);
              assertThat(f.message())
                  .isEqualTo("scan failed: IllegalStateException: parser gave up near ***");
              assertThat(f.recorded()).isTrue();
            });
    assertThat(log)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.event()).isEqualTo("scan.failed");
              assertThat(entry.message()).doesNotContain(token).contains("parser gave up");
              assertThat(entry.context())
                  .containsEntry("repository", "alpha")
                  .containsEntry("sweep_id", "sw-1")
                  .containsEntry("receive", "3");
            });
    assertThat(h.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 0, 1));
    String failedScanId = h.adapters.results().sweepEntry(sweepId, "alpha").orElseThrow().scanId();
    assertThat(h.adapters.results().scan(failedScanId).orElseThrow().outcome())
        .isInstanceOfSatisfying(
            ScanOutcome.Failed.class,
            failed ->
                assertThat(failed.message()).contains("parser gave up").doesNotContain(token));
  }

  @Test
  void aRetryableFailureBeforeTheLastReceiveRecordsNothing() {
    FleetHarness h = new FleetHarness(root, 3, InMemoryAdapters::open);
    h.fleet.add("alpha", "core").failAlways("alpha", ErrorCode.CLONE_TIMEOUT);
    String sweepId = h.startSweep().call(SweepTrigger.named("sw-1")).sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());

    JobResult first = h.scanRepository().call(job, new Attempt(1, 3));

    assertThat(first)
        .isInstanceOfSatisfying(
            JobResult.Failed.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.recorded()).isFalse();
            });
    assertThat(h.adapters.results().progress(sweepId).pending()).isEqualTo(1);
  }

  @Test
  void theReportKeyIsDerivedFromTheScanIdAlone() {
    assertThat(ScanRepository.reportKey("s-abc")).isEqualTo("scans/s-abc/report");
  }
}
