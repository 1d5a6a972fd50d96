package dev.fleetcheck.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.contract.FakeFleet;
import dev.fleetcheck.core.contract.InMemoryReportCodec;
import dev.fleetcheck.core.contract.MarkerScanner;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker pool made by the fleet ends its jobs before the database closes under them. */
class WorkerPoolCloseTest {

  private static final String RULE = "PY-LCL-001";
  private static final EmbeddedFleet.QueueSettings QUEUE =
      new EmbeddedFleet.QueueSettings(Duration.ofMinutes(5), 3);

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final MarkerScanner scanner = new MarkerScanner(clock, RULE);
  private FakeFleet repositories;
  private EmbeddedFleet fleet;
  private FleetRuntime runtime;

  @BeforeEach
  void open() {
    repositories = new FakeFleet(root).add("alpha", "core", RULE);
    fleet = EmbeddedFleet.open(root.resolve("data"), clock, QUEUE);
    runtime =
        new FleetRuntime(
            new FleetPorts(
                fleet.results(),
                fleet.reports(),
                new InMemoryReportCodec(),
                fleet.queue(),
                clock,
                FailureLog.NONE),
            new FleetRuntime.Settings(scanner.rulePackDigest()));
  }

  @AfterEach
  void close() {
    fleet.close();
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

  private static Thread start(Runnable body, AtomicReference<Throwable> failure) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    thread.start();
    return thread;
  }

  /** A pool's run method, called from a test thread. */
  @FunctionalInterface
  private interface PoolRun {
    long run() throws InterruptedException;
  }

  private static void run(PoolRun pool) {
    try {
      pool.run();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void closingTheFleetWhileAJobRunsWaitsForTheJobWhichStoresItsResult() throws Exception {
    String sweepId = runtime.startSweep(repositories).call(SweepTrigger.fresh()).sweep().sweepId();
    HeldFetcher held = new HeldFetcher(repositories);
    WorkerPool pool =
        fleet.workerPool(
            () -> new QueuePoller(fleet.queue(), runtime.worker(held, scanner), 1),
            1,
            Duration.ofMillis(5));
    AtomicReference<Throwable> poolFailure = new AtomicReference<>();
    Thread workers = start(() -> run(pool::runUntilDrained), poolFailure);
    assertThat(held.fetching.await(30, TimeUnit.SECONDS)).isTrue();

    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    Thread closer = start(fleet::close, closeFailure);
    // Without the wait, the database is closed by now and the released job fails on it.
    closer.join(300);
    held.release.countDown();
    closer.join();
    workers.join();

    assertThat(closeFailure.get()).isNull();
    assertThat(poolFailure.get()).isNull();
    try (EmbeddedFleet reopened = EmbeddedFleet.open(root.resolve("data"), clock, QUEUE)) {
      assertThat(reopened.results().progress(sweepId))
          .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
      assertThat(reopened.queue().depth().drained()).isTrue();
    }
  }

  @Test
  void closingAPoolThatNeverRanReturnsAtOnceAndItRunsNothingAfter() throws Exception {
    runtime.startSweep(repositories).call(SweepTrigger.fresh());
    WorkerPool pool =
        fleet.workerPool(
            () -> new QueuePoller(fleet.queue(), runtime.worker(repositories, scanner), 1),
            2,
            Duration.ofMillis(5));

    pool.close();

    assertThat(pool.runUntilDrained()).isZero();
    assertThat(repositories.fetches("alpha") + repositories.resolves("alpha")).isZero();
  }

  @Test
  void aPoolRunUntilStoppedWaitsOnAnEmptyQueueAndRunsJobsQueuedLater() throws Exception {
    WorkerPool pool =
        fleet.workerPool(
            () -> new QueuePoller(fleet.queue(), runtime.worker(repositories, scanner), 1),
            1,
            Duration.ofMillis(5));
    AtomicReference<Throwable> poolFailure = new AtomicReference<>();
    Thread workers = start(() -> run(pool::runUntilStopped), poolFailure);

    // Queued while the pool polls an empty queue: a drained-mode pool would have returned.
    String sweepId = runtime.startSweep(repositories).call(SweepTrigger.fresh()).sweep().sweepId();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!runtime.sweepCompletion().progress(sweepId).complete()
        && System.nanoTime() < deadline) {
      workers.join(20);
    }
    assertThat(workers.isAlive()).as("still polling after the queue drained").isTrue();
    pool.close();
    workers.join(Duration.ofSeconds(30).toMillis());

    assertThat(workers.isAlive()).isFalse();
    assertThat(poolFailure.get()).isNull();
    assertThat(runtime.sweepCompletion().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
  }
}
