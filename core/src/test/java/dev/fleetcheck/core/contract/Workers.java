package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.concurrent.Futures;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.port.JobQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Worker loops for the scenario suites, over {@link QueuePoller} rounds. */
public final class Workers {

  private Workers() {}

  /** One receive-handle-acknowledge round; answers how many deliveries it handled. */
  public static int pollOnce(JobQueue queue, ScanWorker worker, int batchSize) {
    return new QueuePoller(queue, worker, batchSize).pollOnce();
  }

  /**
   * Runs {@code threads} workers concurrently until the queue has nothing visible or in flight;
   * answers the deliveries handled. A worker that dies (an exception or an error) ends the run and
   * is rethrown, as a killed process would end it.
   */
  public static long drainConcurrently(
      JobQueue queue, Supplier<ScanWorker> workers, int threads, int batchSize)
      throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    // Results are taken as workers end, not in start order: once one worker dies, the others may
    // wait for ever on the deliveries it left in flight, so its death must end the run at once.
    CompletionService<Long> running = new ExecutorCompletionService<>(executor);
    try {
      for (int t = 0; t < threads; t++) {
        ScanWorker worker = workers.get();
        running.submit(
            () -> {
              long handled = 0;
              // A worker of a run that has ended (another worker died) stops like a killed process.
              while (!Thread.currentThread().isInterrupted()) {
                int polled = pollOnce(queue, worker, batchSize);
                handled += polled;
                if (polled == 0) {
                  if (queue.depth().drained()) {
                    return handled;
                  }
                  Thread.sleep(5);
                }
              }
              return handled;
            });
      }
      long handled = 0;
      for (int t = 0; t < threads; t++) {
        handled += running.take().get();
      }
      return handled;
    } catch (ExecutionException e) {
      throw Futures.unchecked(e.getCause());
    } finally {
      // Every worker of the run ends before it returns, as every thread of a killed process does:
      // one still running could take deliveries after the caller restarts the fleet and leave them
      // in flight on a test clock that no longer moves, so the next run would wait for ever.
      executor.shutdownNow();
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("a worker did not stop within a minute of the run's end");
      }
    }
  }
}
