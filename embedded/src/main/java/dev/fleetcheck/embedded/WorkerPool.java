package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.port.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs pollers on several threads until the queue is drained (every message deleted or
 * dead-lettered) or {@link #stop()} is called. Messages in flight when a worker stops are simply
 * not deleted: the queue delivers them again, as SQS would after a crash.
 */
public final class WorkerPool {

  private final JobQueue queue;
  private final Supplier<QueuePoller> pollers;
  private final int threads;
  private final Duration idlePause;
  private final AtomicBoolean stopping = new AtomicBoolean();

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

  /** Blocks until the queue is drained or the pool is stopped; answers deliveries handled. */
  public long runUntilDrained() throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        QueuePoller poller = pollers.get();
        running.add(executor.submit(() -> consume(poller)));
      }
      long handled = 0;
      for (Future<Long> future : running) {
        try {
          handled += future.get();
        } catch (java.util.concurrent.ExecutionException e) {
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
      executor.shutdown();
      // Let a worker in the middle of a job finish it, as a Lambda would before it is frozen.
      executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  public void stop() {
    stopping.set(true);
  }

  private long consume(QueuePoller poller) throws InterruptedException {
    long handled = 0;
    while (!stopping.get()) {
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
        if (queue.depth().drained()) {
          return handled;
        }
        Thread.sleep(idlePause.toMillis());
      }
    }
    return handled;
  }
}
