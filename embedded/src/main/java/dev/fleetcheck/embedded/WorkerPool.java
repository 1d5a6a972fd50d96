package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.port.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs pollers on several threads until the queue is drained (every message deleted or
 * dead-lettered) or {@link #stop()} is called. Messages in flight when a worker stops are simply
 * not deleted: the queue delivers them again, as SQS would after a crash.
 *
 * <p>{@link #close()} stops the pool and returns only once no worker runs, so the stores can be
 * closed after it: a job in hand finishes (it is bounded by the clone bound and the scan timeout)
 * and never meets a closed store.
 */
public final class WorkerPool implements AutoCloseable {

  private final JobQueue queue;
  private final Supplier<QueuePoller> pollers;
  private final int threads;
  private final Duration idlePause;
  private final Object lock = new Object();
  private boolean stopping;
  private ExecutorService executor;

  public WorkerPool(
      JobQueue queue, Supplier<QueuePoller> pollers, int threads, Duration idlePause) {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one worker thread");
    }
    this.queue = queue;
    this.pollers = pollers;
    this.threads = threads;
    this.idlePause = idlePause;
  }

  /**
   * Blocks until the queue is drained or the pool is stopped, and then until every worker has
   * finished its job in hand; answers deliveries handled.
   */
  public long runUntilDrained() throws InterruptedException {
    return run(true);
  }

  /**
   * Blocks until the pool is stopped, polling the queue even when it is empty (a server's workers
   * wait for jobs that requests queue later), then until every worker has finished its job in hand;
   * answers deliveries handled.
   */
  public long runUntilStopped() throws InterruptedException {
    return run(false);
  }

  private long run(boolean untilDrained) throws InterruptedException {
    ExecutorService workers;
    synchronized (lock) {
      if (stopping || executor != null) {
        return 0;
      }
      executor = Executors.newFixedThreadPool(threads);
      workers = executor;
    }
    try {
      List<Future<Long>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        QueuePoller poller = pollers.get();
        running.add(workers.submit(() -> consume(poller, untilDrained)));
      }
      long handled = 0;
      for (Future<Long> future : running) {
        try {
          handled += future.get();
        } catch (ExecutionException e) {
          stop();
          if (e.getCause() instanceof FleetcheckException known) {
            // A failure with a cause the operator can fix (local storage): passed on as it is.
            throw new FleetcheckException(known.errorCode(), known.getMessage(), known);
          }
          throw new IllegalStateException("a worker thread died", e.getCause());
        }
      }
      return handled;
    } finally {
      stop();
      awaitWorkers(workers);
    }
  }

  /** Asks the workers to take no new job; returns at once. */
  public void stop() {
    synchronized (lock) {
      stopping = true;
    }
  }

  private boolean stopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /** Stops the pool and waits until no worker runs (a pool never run returns at once). */
  @Override
  public void close() {
    ExecutorService workers;
    synchronized (lock) {
      stopping = true;
      workers = executor;
    }
    if (workers != null) {
      awaitWorkers(workers);
    }
  }

  /**
   * Waits for every worker to end, even when this thread is interrupted (the interrupt is kept):
   * whoever closes the stores next relies on no job still writing to them.
   */
  private static void awaitWorkers(ExecutorService workers) {
    workers.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private long consume(QueuePoller poller, boolean untilDrained) throws InterruptedException {
    long handled = 0;
    while (!stopping()) {
      int polled;
      try {
        polled = poller.pollOnce();
      } catch (RuntimeException e) {
        // One worker's failure stops them all: the others finish the job in hand only.
        stop();
        throw e;
      }
      handled += polled;
      if (polled == 0) {
        if (untilDrained && queue.depth().drained()) {
          return handled;
        }
        Thread.sleep(idlePause.toMillis());
      }
    }
    return handled;
  }
}
