package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.FleetHarness.RULE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ReportStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose report store fails (disk full) stops at the first failure without charging it to
 * the repository; once fixed, resuming the sweep leaves one result per repository.
 */
class LocalStorageFailureTest {

  @TempDir Path root;
  private FleetHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  /** The embedded report folder, failing every write while {@code broken} is set. */
  private record FullDisk(ReportStore folder, AtomicBoolean broken, AtomicInteger attempts)
      implements ReportStore {
    @Override
    public void put(String key, byte[] content) {
      attempts.incrementAndGet();
      if (broken.get()) {
        throw new FleetcheckException(
            ErrorCode.OUTPUT_WRITE_FAILED, "cannot write report " + key + ": No space left");
      }
      folder.put(key, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
      return folder.get(key);
    }

    @Override
    public void delete(String key) {
      folder.delete(key);
    }
  }

  @Test
  void theFirstLocalWriteFailureStopsThePollerAndResumeCompletesWithNothingLost() {
    harness = new FleetHarness(root, 3);
    for (int i = 0; i < 4; i++) {
      harness.fleet.add("repo-" + i, "team", RULE_A);
    }
    FullDisk disk =
        new FullDisk(harness.embedded.reports(), new AtomicBoolean(true), new AtomicInteger());
    QueuePoller poller =
        new QueuePoller(
            harness.embedded.queue(),
            new ScanWorker(harness.scanRepository(harness.fleet, disk), 3),
            10);
    String sweepId = harness.startSweep().call().sweep().sweepId();

    assertThatThrownBy(poller::pollOnce)
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED))
        .hasMessageContaining("No space left");

    assertThat(disk.attempts()).as("stopped at the first failure").hasValue(1);
    assertThat(harness.embedded.results().progress(sweepId))
        .as("no repository is blamed for the full disk")
        .isEqualTo(new SweepProgress(sweepId, 4, 0, 0));
    assertThat(harness.embedded.queue().deadLetters()).isEmpty();

    disk.broken().set(false);
    harness.startSweep().sweepId(sweepId).call();
    harness.drain();

    assertThat(harness.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 4, 4, 0));
    for (RepoRef repo : harness.fleet.list()) {
      assertThat(harness.embedded.results().history(repo.name(), PageRequest.first(10)).items())
          .as(repo.name())
          .hasSize(1);
    }
  }
}
