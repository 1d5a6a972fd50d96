package dev.fleetcheck.serve;

import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.embedded.WorkerPool;
import dev.fleetcheck.functions.common.FunctionLog;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's worker pool: the same pollers as {@code fleetcheck sweep}'s workers, run on a
 * background thread for as long as the server runs, so the scans and sweeps the API queues are
 * carried out. {@link #close()} lets each job in hand finish and leaves the rest queued for the
 * next start; it returns once no worker runs, so the store can be closed after it.
 */
final class ServeWorkers implements AutoCloseable {

  private static final Duration IDLE_PAUSE = Duration.ofMillis(100);

  private final WorkerPool pool;
  private final Thread thread;

  private ServeWorkers(WorkerPool pool, Thread thread) {
    this.pool = pool;
    this.thread = thread;
  }

  static ServeWorkers start(
      FleetRuntime runtime, RepoFetcherFactory fetchers, int threads, FunctionLog log) {
    WorkerPool pool =
        runtime.embedded().workerPool(runtime.pollers(fetchers::create), threads, IDLE_PAUSE);
    Thread thread =
        new Thread(
            () -> {
              try {
                pool.runUntilStopped();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                // Local storage failed: the jobs stay queued for the next start; the API still
                // reads.
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("message", e.getMessage());
                log.error("serve.workers_stopped", fields);
              }
            },
            "fleetcheck-serve-workers");
    thread.setDaemon(true);
    thread.start();
    return new ServeWorkers(pool, thread);
  }

  @Override
  public void close() {
    pool.close();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
