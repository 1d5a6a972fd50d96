package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.contract.FleetHarness;
import dev.fleetcheck.core.contract.InMemoryAdapters;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.JobQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {

  @TempDir Path root;

  @Test
  void theReasonsErrorCodeIsReadAndAnythingElseIsAScanFailure() {
    assertThat(DeadLetters.errorCodeOf("clone_timeout: took 120 s"))
        .isEqualTo(ErrorCode.CLONE_TIMEOUT);
    assertThat(DeadLetters.errorCodeOf("REPO_TOO_LARGE")).isEqualTo(ErrorCode.REPO_TOO_LARGE);
    assertThat(DeadLetters.errorCodeOf("")).isEqualTo(ErrorCode.SCAN_FAILED);
    assertThat(DeadLetters.errorCodeOf(null)).isEqualTo(ErrorCode.SCAN_FAILED);
    assertThat(DeadLetters.errorCodeOf("no_such_code: x")).isEqualTo(ErrorCode.SCAN_FAILED);
  }

  @Test
  void unrecordedDeadLettersOfTheSweepAreCountedAsFailedAcrossPagesAndOnlyOnce() {
    FleetHarness h = new FleetHarness(root, 1, InMemoryAdapters::open);
    int repositories = 150;
    for (int i = 0; i < repositories; i++) {
      h.fleet.add(String.format("repo-%03d", i), "core");
    }
    String sweepId = h.startSweep().call(SweepTrigger.named("sw-1")).sweep().sweepId();
    h.queue()
        .sendBatch(List.of(ScanJob.forSweep("sw-other", h.fleet.list().get(0), h.clock.instant())));
    // Every job is received once and "killed" before it is handled: no reason, no record.
    List<JobQueue.Delivery> received = new ArrayList<>();
    for (List<JobQueue.Delivery> batch = h.queue().receive(10);
        !batch.isEmpty();
        batch = h.queue().receive(10)) {
      received.addAll(batch);
    }
    h.clock.advance(FleetHarness.VISIBILITY.plusSeconds(1));
    assertThat(h.queue().receive(10)).as("all dead-lettered").isEmpty();
    SweepCompletion completion = h.runtime().sweepCompletion();

    SweepProgress settled = completion.settle(sweepId);
    SweepProgress again = completion.settle(sweepId);

    assertThat(received).hasSize(repositories + 1);
    assertThat(settled).isEqualTo(new SweepProgress(sweepId, repositories, 0, repositories));
    assertThat(again).isEqualTo(settled);
    SweepEntry entry = h.adapters.results().sweepEntry(sweepId, "repo-007").orElseThrow();
    assertThat(entry.errorCode()).contains(ErrorCode.SCAN_FAILED);
    assertThat(h.adapters.results().scan(entry.scanId()).orElseThrow().outcome())
        .isEqualTo(new ScanOutcome.Failed(ErrorCode.SCAN_FAILED, "dead-lettered after 1 receives"));
    assertThat(
            h.adapters
                .results()
                .history("repo-000", dev.fleetcheck.core.port.PageRequest.first(10))
                .items())
        .as("the other sweep's dead letter is left alone")
        .singleElement()
        .satisfies(scan -> assertThat(scan.sweepId()).isEqualTo(sweepId));
  }
}
