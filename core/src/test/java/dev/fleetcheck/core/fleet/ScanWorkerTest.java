package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.contract.FleetHarness;
import dev.fleetcheck.core.contract.InMemoryAdapters;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanWorkerTest {

  @TempDir Path root;

  @Test
  void onlyTheDeliveriesToRetryAreReportedAndBatchMatesAreHandled() {
    FleetHarness h = new FleetHarness(root, 3, InMemoryAdapters::open);
    h.fleet.add("alpha", "core").add("broken", "core").add("gone", "core");
    h.fleet
        .failAlways("broken", ErrorCode.CLONE_TIMEOUT)
        .failAlways("gone", ErrorCode.REPO_NOT_FOUND);
    String sweepId = h.startSweep().call(SweepTrigger.named("sw-1")).sweep().sweepId();
    List<String> logged = new ArrayList<>();
    ScanWorker worker =
        new ScanWorker(h.scanRepository(), 3, (event, code, message, context) -> logged.add(event));
    List<Delivery> batch = new ArrayList<>();
    int n = 0;
    for (var repository : h.fleet.list()) {
      batch.add(
          new Delivery(
              "m-" + n,
              "r-" + n++,
              ScanJobCodec.encode(ScanJob.forSweep(sweepId, repository, h.clock.instant())),
              1));
    }
    batch.add(new Delivery("m-bad", "r-bad", "{not a job", 1));

    BatchResult result = worker.handle(batch);

    assertThat(result.failures())
        .extracting(BatchResult.ItemFailure::messageId)
        .containsExactlyInAnyOrder("m-1", "m-bad");
    assertThat(result.failures())
        .filteredOn(f -> f.messageId().equals("m-1"))
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).startsWith("clone_timeout: "));
    assertThat(logged).contains("job.malformed");
    var progress = h.adapters.results().progress(sweepId);
    assertThat(progress.done()).as("alpha").isEqualTo(1);
    assertThat(progress.failed()).as("gone: permanent, recorded at once").isEqualTo(1);
  }

  @Test
  void theReceiveCountDecidesTheLastAttempt() {
    FleetHarness h = new FleetHarness(root, 2, InMemoryAdapters::open);
    h.fleet.add("broken", "core").failAlways("broken", ErrorCode.CLONE_TIMEOUT);
    String sweepId = h.startSweep().call(SweepTrigger.named("sw-1")).sweep().sweepId();
    String body =
        ScanJobCodec.encode(ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant()));
    ScanWorker worker = h.worker();

    worker.handle(List.of(new Delivery("m", "r1", body, 1)));
    assertThat(h.adapters.results().progress(sweepId).failed()).isZero();
    BatchResult last = worker.handle(List.of(new Delivery("m", "r2", body, 2)));

    assertThat(h.adapters.results().progress(sweepId).failed()).isEqualTo(1);
    assertThat(last.failures()).as("left to the dead-letter queue").hasSize(1);
  }
}
