package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * In-memory adapters under the scenario suites: core's own run of them. A restart keeps the stores
 * and the queue (they stand for storage that outlives a process) and drops nothing else, since
 * nothing else is held.
 */
public final class InMemoryAdapters implements FleetAdapters {

  private final InMemoryResultStore results;
  private final InMemoryReportStore reports;
  private final InMemoryJobQueue queue;

  private InMemoryAdapters(
      InMemoryResultStore results, InMemoryReportStore reports, InMemoryJobQueue queue) {
    this.results = results;
    this.reports = reports;
    this.queue = queue;
  }

  public static FleetAdapters open(
      Path root, Clock clock, Duration visibilityTimeout, int maxReceives) {
    return new InMemoryAdapters(
        new InMemoryResultStore(),
        new InMemoryReportStore(),
        new InMemoryJobQueue(clock, visibilityTimeout, maxReceives));
  }

  @Override
  public ResultStore results() {
    return results;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public JobQueue queue() {
    return queue;
  }

  @Override
  public FleetAdapters restart() {
    return new InMemoryAdapters(results, reports, queue);
  }

  @Override
  public long reportCount() {
    return reports.size();
  }

  @Override
  public void close() {}
}
