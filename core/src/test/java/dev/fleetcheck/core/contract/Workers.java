package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.port.JobQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    try {
      List<Future<Long>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        ScanWorker worker = workers.get();
        running.add(
            executor.submit(
                () -> {
                  long handled = 0;
                  while (true) {
                    int polled = pollOnce(queue, worker, batchSize);
                    handled += polled;
                    if (polled == 0) {
                      if (queue.depth().drained()) {
                        return handled;
                      }
                      Thread.sleep(5);
                    }
                  }
                }));
      }
      long handled = 0;
      for (Future<Long> future : running) {
        handled += future.get();
      }
      return handled;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      executor.shutdownNow();
    }
  }
}
