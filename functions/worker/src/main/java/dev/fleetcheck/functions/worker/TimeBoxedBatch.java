package dev.fleetcheck.functions.worker;

import dev.fleetcheck.core.fleet.BatchResult;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import dev.fleetcheck.functions.common.FunctionLog;
import dev.fleetcheck.functions.common.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A batch within the invocation's time: each job runs bounded by the scan timeout, and a job is
 * started only while the remaining time covers a whole scan timeout plus a margin. Jobs not
 * started, and jobs that ran out of time, are reported failed so that SQS delivers them again.
 */
final class TimeBoxedBatch {

  /** Left after the last job to return the response and flush logs and metrics. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private final ScanWorker worker;
  private final Duration scanTimeout;
  private final FunctionLog log;
  private final Metrics metrics;
  private final ExecutorService jobs =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "scan-job");
            thread.setDaemon(true);
            return thread;
          });

  TimeBoxedBatch(ScanWorker worker, Duration scanTimeout, FunctionLog log, Metrics metrics) {
    this.worker = worker;
    this.scanTimeout = scanTimeout;
    this.log = log;
    this.metrics = metrics;
  }

  BatchResult handle(List<Delivery> deliveries, LongSupplier remainingMillis) {
    List<BatchResult.ItemFailure> failures = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      if (remainingMillis.getAsLong() < scanTimeout.plus(MARGIN).toMillis()) {
        log.warn("job.deferred", Map.of("message_id", delivery.messageId()));
        failures.add(new BatchResult.ItemFailure(delivery.messageId(), "deferred: time is short"));
        continue;
      }
      failures.addAll(bounded(delivery));
    }
    return new BatchResult(failures);
  }

  private List<BatchResult.ItemFailure> bounded(Delivery delivery) {
    long start = System.nanoTime();
    Future<BatchResult> job = jobs.submit(() -> worker.handle(List.of(delivery)));
    try {
      BatchResult result = job.get(scanTimeout.toMillis(), TimeUnit.MILLISECONDS);
      metrics.count("Scans", Map.of());
      return result.failures();
    } catch (TimeoutException e) {
      job.cancel(true);
      log.warn(
          "job.timed_out",
          Map.of("message_id", delivery.messageId(), "error_code", "scan_timeout"));
      metrics.count("Failures", Map.of("error_code", "scan_timeout"));
      return List.of(new BatchResult.ItemFailure(delivery.messageId(), "scan_timeout"));
    } catch (ExecutionException e) {
      log.error(
          "job.crashed",
          Map.of("message_id", delivery.messageId(), "error_code", "internal_error"));
      metrics.count("Failures", Map.of("error_code", "internal_error"));
      return List.of(new BatchResult.ItemFailure(delivery.messageId(), "internal_error"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(new BatchResult.ItemFailure(delivery.messageId(), "interrupted"));
    } finally {
      metrics.milliseconds("ScanDuration", (System.nanoTime() - start) / 1_000_000);
    }
  }
}
