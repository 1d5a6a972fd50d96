package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.FakeFleet;
import dev.fleetcheck.core.contract.InMemoryReportCodec;
import dev.fleetcheck.core.contract.MarkerScanner;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoScanner;
import dev.fleetcheck.core.port.ReportStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The embedded default wired as the CLI will wire it, over a fake fleet and a test clock. */
final class FleetHarness implements AutoCloseable {

  static final String RULE_A = "PY-LCL-001";
  static final String RULE_B = "PY-LCL-002";
  static final Duration VISIBILITY = Duration.ofMinutes(5);

  final Path dataDirectory;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  final FakeFleet fleet;
  final InMemoryReportCodec codec = new InMemoryReportCodec();
  final MarkerScanner scanner = new MarkerScanner(clock, RULE_A, RULE_B);
  private final int maxReceives;
  EmbeddedFleet embedded;

  FleetHarness(Path root, int maxReceives) {
    this.dataDirectory = root.resolve("data");
    this.fleet = new FakeFleet(root);
    this.maxReceives = maxReceives;
    open();
  }

  private void open() {
    embedded =
        EmbeddedFleet.open(
            dataDirectory, clock, new EmbeddedFleet.QueueSettings(VISIBILITY, maxReceives));
  }

  /** Drops every in-process object and opens the same data directory again. */
  void restart() {
    embedded.close();
    open();
  }

  StartSweep startSweep() {
    return new StartSweep(
        fleet, embedded.queue(), embedded.results(), clock, scanner.rulePackDigest());
  }

  ScanRepository scanRepository() {
    return scanRepository(fleet, embedded.reports());
  }

  ScanRepository scanRepository(RepoFetcher fetcher, ReportStore reports) {
    return new ScanRepository(fetcher, scanner, codec, reports, embedded.results(), clock);
  }

  /** The worker's use case with another scanner (another rule pack, or another behaviour). */
  ScanRepository scanRepository(RepoScanner otherScanner) {
    return new ScanRepository(
        fleet, otherScanner, codec, embedded.reports(), embedded.results(), clock);
  }

  ScanWorker worker() {
    return new ScanWorker(scanRepository(), embedded.queue().maxReceives());
  }

  QueuePoller poller() {
    return new QueuePoller(embedded.queue(), worker(), 10);
  }

  FleetQueries queries() {
    return new FleetQueries(embedded.results(), embedded.reports(), codec);
  }

  /**
   * Polls on this thread until the queue is drained, letting the visibility timeout lapse whenever
   * only in-flight messages are left (the test clock stands in for waiting).
   */
  int drain() {
    QueuePoller poller = poller();
    int handled = 0;
    for (int rounds = 0; rounds < 100_000; rounds++) {
      int polled = poller.pollOnce();
      handled += polled;
      if (polled == 0) {
        if (embedded.queue().depth().drained()) {
          return handled;
        }
        clock.advance(VISIBILITY.plusSeconds(1));
      }
    }
    throw new AssertionError("the queue never drained");
  }

  @Override
  public void close() {
    embedded.close();
  }
}
