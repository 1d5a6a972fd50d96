package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.FleetHarness.RULE_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.JobResult;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan that runs out of time is recorded as such, and a worker pool ends its jobs before the
 * stores close. (The engine's own deadline: ScanEngineDeadlineTest and EngineScannerTest in scan.)
 */
class WorkerBoundsTest {

  @TempDir Path root;
  private FleetHarness h;

  @BeforeEach
  void open() {
    h = new FleetHarness(root, 3);
  }

  @AfterEach
  void close() {
    h.close();
  }

  /** A scanner whose every scan runs out of its time bound, as the engine reports it. */
  private static RepoScanner outOfTime(String digest) {
    return new RepoScanner() {
      @Override
      public String rulePackDigest() {
        return digest;
      }

      @Override
      public ScannedRepo scan(Path directory, RepositoryRef repository) {
        throw new FleetcheckException(
            ErrorCode.SCAN_TIMEOUT, "the scan ran out of its time bound (PT0.2S)");
      }
    };
  }

  @Test
  void aScanThatRunsOutOfTimeIsRecordedAsScanTimeoutAtOnce() {
    h.fleet.add("alpha", "core");
    String sweepId = h.startSweep().call().sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());

    JobResult result =
        h.scanRepository(outOfTime(h.scanner.rulePackDigest())).call(job, new Attempt(1, 3));

    assertThat(result)
        .isInstanceOfSatisfying(
            JobResult.Failed.class,
            failed -> {
              assertThat(failed.errorCode()).isEqualTo(ErrorCode.SCAN_TIMEOUT);
              assertThat(failed.recorded()).isTrue();
              assertThat(failed.deleteMessage()).isTrue();
            });
    SweepEntry entry = h.embedded.results().sweepEntry(sweepId, "alpha").orElseThrow();
    assertThat(entry.errorCode()).contains(ErrorCode.SCAN_TIMEOUT);
    assertThat(h.embedded.results().scan(entry.scanId()).orElseThrow().outcome())
        .isInstanceOfSatisfying(
            ScanOutcome.Failed.class,
            f -> assertThat(f.errorCode()).isEqualTo(ErrorCode.SCAN_TIMEOUT));
    assertThat(h.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 0, 1));
  }

  /** Holds every fetch until released, so a job is in hand when the fleet closes. */
  private static final class HeldFetcher implements RepoFetcher {
    final CountDownLatch fetching = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final RepoFetcher delegate;

    HeldFetcher(RepoFetcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public FetchedRepo fetch(RepoRef repo) {
      fetching.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.fetch(repo);
    }
  }

  @Test
  void closingTheFleetWhileAJobRunsWaitsForTheJobWhichStoresItsResult() throws Exception {
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call().sweep().sweepId();
    HeldFetcher held = new HeldFetcher(h.fleet);
    EmbeddedFleet fleet = h.embedded;
    WorkerPool pool =
        fleet.workerPool(
            () ->
                new QueuePoller(
                    fleet.queue(),
                    new ScanWorker(
                        h.scanRepository(held, fleet.reports()), fleet.queue().maxReceives()),
                    1),
            1,
            Duration.ofMillis(5));
    AtomicReference<Throwable> poolFailure = new AtomicReference<>();
    Thread workers =
        new Thread(
            () -> {
              try {
                pool.runUntilDrained();
              } catch (Throwable e) {
                poolFailure.set(e);
              }
            });
    workers.start();
    assertThat(held.fetching.await(30, TimeUnit.SECONDS)).isTrue();

    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    Thread closer =
        new Thread(
            () -> {
              try {
                fleet.close();
              } catch (Throwable e) {
                closeFailure.set(e);
              }
            });
    closer.start();
    // Without the wait, the database is closed by now and the released job fails on it.
    closer.join(300);
    held.release.countDown();
    closer.join();
    workers.join();

    assertThat(closeFailure.get()).isNull();
    assertThat(poolFailure.get()).isNull();
    try (EmbeddedFleet reopened =
        EmbeddedFleet.open(
            h.dataDirectory,
            h.clock,
            new EmbeddedFleet.QueueSettings(FleetHarness.VISIBILITY, 3))) {
      assertThat(reopened.results().progress(sweepId))
          .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
      assertThat(reopened.queue().depth().drained()).isTrue();
    }
  }

  @Test
  void closingAPoolThatNeverRanReturnsAtOnceAndItRunsNothingAfter() throws Exception {
    h.fleet.add("alpha", "core");
    h.startSweep().call();
    WorkerPool pool = h.embedded.workerPool(h::poller, 2, Duration.ofMillis(5));

    pool.close();

    assertThat(pool.runUntilDrained()).isZero();
    assertThat(h.fleet.fetches("alpha")).isZero();
  }
}
