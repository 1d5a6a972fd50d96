package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepCompletion;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.embedded.WorkerPool;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one sweep on the embedded default: starts (or resumes) it, then runs the workers until the
 * sweep's progress shows nothing pending. Dead-lettered jobs count as failed. {@link #stop()} (on
 * Ctrl+C) lets the jobs in hand finish and leaves the rest queued, so the sweep can be resumed.
 *
 * <p>Completion is read from the sweep's counters, not from an empty queue: after a crash the queue
 * may still hold the old run's deliveries, invisible until their timeout lapses, and those must not
 * hold up a resumed sweep that has every result.
 */
public final class SweepRunner {

  private static final Duration TICK = Duration.ofMillis(200);
  private static final Duration IDLE_PAUSE = Duration.ofMillis(50);

  private final FleetRuntime runtime;
  private final RepoInventory inventory;
  private final Supplier<RepoFetcher> fetchers;
  private final int workers;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicReference<WorkerPool> pool = new AtomicReference<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private Optional<String> resume = Optional.empty();
  private ProgressListener progress = ProgressListener.NONE;
  private Consumer<StartSweep.Started> onStart = started -> {};

  public SweepRunner(
      FleetRuntime runtime, RepoInventory inventory, Supplier<RepoFetcher> fetchers, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("at least one worker");
    }
    this.runtime = runtime;
    this.inventory = inventory;
    this.fetchers = fetchers;
    this.workers = workers;
  }

  /** Resumes this sweep instead of starting a new one; it must exist. */
  public SweepRunner resume(String sweepId) {
    this.resume = Optional.of(sweepId);
    return this;
  }

  public SweepRunner progress(ProgressListener listener) {
    this.progress = listener;
    return this;
  }

  /** Called once the sweep is stored and its jobs are queued, before any worker starts. */
  public SweepRunner onStart(Consumer<StartSweep.Started> callback) {
    this.onStart = callback;
    return this;
  }

  /** How the run ended. {@code interrupted}: stopped before every repository had a result. */
  public record Outcome(StartSweep.Started started, SweepProgress progress, boolean interrupted) {

    public String sweepId() {
      return started.sweep().sweepId();
    }
  }

  public Outcome run() {
    try {
      return runToEnd();
    } finally {
      finished.countDown();
    }
  }

  private Outcome runToEnd() {
    StartSweep.Started started =
        runtime
            .fleet()
            .startSweep(inventory)
            .call(resume.map(SweepTrigger::resume).orElseGet(SweepTrigger::fresh));
    onStart.accept(started);
    String sweepId = started.sweep().sweepId();
    SweepCompletion completion = runtime.fleet().sweepCompletion();
    SweepProgress initial = completion.progress(sweepId);
    long began = System.nanoTime();

    WorkerPool workerPool =
        runtime.embedded().workerPool(runtime.pollers(fetchers), workers, IDLE_PAUSE);
    pool.set(workerPool);
    AtomicReference<Throwable> died = new AtomicReference<>();
    Thread poolThread =
        new Thread(
            () -> {
              try {
                workerPool.runUntilDrained();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                died.set(e);
              }
            },
            "fleetcheck-workers");
    if (stopping.get()) {
      workerPool.stop();
    }
    poolThread.start();

    SweepProgress current = initial;
    try {
      while (true) {
        current = completion.progress(sweepId);
        progress.update(current, finishedSince(initial, current), elapsedSince(began));
        if (current.complete() || stopping.get()) {
          workerPool.stop();
          break;
        }
        if (!poolThread.isAlive()) {
          if (died.get() == null) {
            // The queue drained with repositories still pending: their jobs were dead-lettered.
            current = completion.settle(sweepId);
          }
          break;
        }
        poolThread.join(TICK.toMillis());
      }
      poolThread.join();
    } catch (InterruptedException e) {
      workerPool.stop();
      Thread.currentThread().interrupt();
    }
    if (died.get() instanceof FleetcheckException local) {
      // Local storage failed: every further job would fail the same way, and none is recorded
      // as the repository's fault, so a resume after the fix finds them all still pending.
      throw new FleetcheckException(
          local.errorCode(),
          "sweep "
              + sweepId
              + " stopped: "
              + local.getMessage()
              + "; fix the cause, then run the same sweep command with --resume "
              + sweepId,
          local);
    }
    if (died.get() != null) {
      throw new FleetcheckException(
          ErrorCode.INTERNAL_ERROR, "a sweep worker died: " + died.get().getMessage(), died.get());
    }
    current = completion.progress(sweepId);
    progress.finish(current, finishedSince(initial, current), elapsedSince(began));
    return new Outcome(started, current, !current.complete());
  }

  /**
   * Asks the run to stop: workers finish the job in hand and take no other. Safe from a shutdown
   * hook; {@link #awaitFinished} then waits for {@link #run()} to return.
   */
  public void stop() {
    stopping.set(true);
    WorkerPool current = pool.get();
    if (current != null) {
      current.stop();
    }
  }

  public boolean stopped() {
    return stopping.get();
  }

  /** Waits up to {@code timeout} for {@link #run()} to return; answers whether it did. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private static int finishedSince(SweepProgress initial, SweepProgress now) {
    return Math.max(0, now.done() + now.failed() - initial.done() - initial.failed());
  }

  private static Duration elapsedSince(long nanoStart) {
    return Duration.ofNanos(System.nanoTime() - nanoStart);
  }
}
