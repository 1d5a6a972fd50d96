package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.ReportStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The fleet use cases wired by {@link FleetRuntime} over one adapter set, a fake fleet, a marker
 * scanner and a test clock: what the scenario suites drive.
 */
public final class FleetHarness implements AutoCloseable {

  public static final String RULE_A = "PY-LCL-001";
  public static final String RULE_B = "PY-LCL-002";
  public static final Duration VISIBILITY = Duration.ofMinutes(5);

  public final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  public final FakeFleet fleet;
  public final InMemoryReportCodec codec = new InMemoryReportCodec();
  public final MarkerScanner scanner = new MarkerScanner(clock, RULE_A, RULE_B);
  public FleetAdapters adapters;

  public FleetHarness(Path root, int maxReceives, FleetAdapters.Factory factory) {
    this.fleet = new FakeFleet(root);
    this.adapters = factory.open(root.resolve("data"), clock, VISIBILITY, maxReceives);
  }

  /** Drops every in-process object and opens the same storage again. */
  public void restart() {
    adapters = adapters.restart();
  }

  public FleetRuntime runtime() {
    return runtime(adapters.reports());
  }

  private FleetRuntime runtime(ReportStore reports) {
    return new FleetRuntime(
        new FleetPorts(
            adapters.results(), reports, codec, adapters.queue(), clock, FailureLog.NONE),
        new FleetRuntime.Settings(scanner.rulePackDigest()));
  }

  public StartSweep startSweep() {
    return runtime().startSweep(fleet);
  }

  public ScanRepository scanRepository() {
    return scanRepository(fleet, adapters.reports());
  }

  public ScanRepository scanRepository(RepoFetcher fetcher, ReportStore reports) {
    return runtime(reports).scanRepository(fetcher, scanner);
  }

  public ScanWorker worker() {
    return runtime().worker(fleet, scanner);
  }

  public ScanWorker worker(RepoFetcher fetcher) {
    return runtime().worker(fetcher, scanner);
  }

  public FleetQueries queries() {
    return runtime().queries();
  }

  public JobQueue queue() {
    return adapters.queue();
  }

  /** One receive-handle-acknowledge round of {@code worker}, as the SQS event source does it. */
  public int pollOnce(ScanWorker worker, int batchSize) {
    return Workers.pollOnce(adapters.queue(), worker, batchSize);
  }

  /**
   * Polls on this thread until the queue is drained, letting the visibility timeout lapse whenever
   * only in-flight messages are left (the test clock stands in for waiting).
   */
  public int drain() {
    ScanWorker worker = worker();
    int handled = 0;
    for (int rounds = 0; rounds < 100_000; rounds++) {
      int polled = pollOnce(worker, JobQueue.MAX_BATCH);
      handled += polled;
      if (polled == 0) {
        if (adapters.queue().depth().drained()) {
          return handled;
        }
        clock.advance(VISIBILITY.plusSeconds(1));
      }
    }
    throw new AssertionError("the queue never drained");
  }

  @Override
  public void close() {
    adapters.close();
  }
}
