package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.engine.EngineScanner;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.report.JsonReportCodec;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.QueuePoller;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The embedded default wired for the command line: the data dir's store, report folder and queue,
 * and the use cases over them with the JSON report codec.
 */
public final class FleetRuntime implements AutoCloseable {

  /**
   * Longer than one job may take (the clone is bounded at two minutes), so a slow job is not
   * delivered twice; also the wait before a failed job is retried.
   */
  public static final EmbeddedFleet.QueueSettings QUEUE =
      new EmbeddedFleet.QueueSettings(Duration.ofMinutes(3), 3);

  private static final int POLL_BATCH = 1;

  private final EmbeddedFleet fleet;
  private final RulePack pack;
  private final Clock clock;
  private final String toolVersion;
  private final JsonReportCodec codec = new JsonReportCodec();

  private FleetRuntime(EmbeddedFleet fleet, RulePack pack, Clock clock, String toolVersion) {
    this.fleet = fleet;
    this.pack = pack;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  public static FleetRuntime open(Path dataDir, RulePack pack, Clock clock, String toolVersion) {
    return new FleetRuntime(EmbeddedFleet.open(dataDir, clock, QUEUE), pack, clock, toolVersion);
  }

  public EmbeddedFleet embedded() {
    return fleet;
  }

  public RulePack pack() {
    return pack;
  }

  public Clock clock() {
    return clock;
  }

  public FleetQueries queries() {
    return new FleetQueries(fleet.results(), fleet.reports(), codec);
  }

  /**
   * One poller per worker thread, each with its own fetcher and engine. A worker takes one job at a
   * time, so the other workers get the rest of the queue instead of waiting behind a batch.
   */
  public Supplier<QueuePoller> pollers(Supplier<RepoFetcher> fetchers) {
    return () -> {
      ScanRepository scan =
          new ScanRepository(
              fetchers.get(),
              new EngineScanner(
                  new ScanEngine(pack, clock, toolVersion), SnapshotLimits.defaults()),
              codec,
              fleet.reports(),
              fleet.results(),
              clock);
      return new QueuePoller(
          fleet.queue(), new ScanWorker(scan, fleet.queue().maxReceives()), POLL_BATCH);
    };
  }

  @Override
  public void close() {
    fleet.close();
  }
}
