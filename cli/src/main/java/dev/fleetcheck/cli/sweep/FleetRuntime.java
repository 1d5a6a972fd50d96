package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.engine.EngineScanner;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import dev.fleetcheck.vcs.fetch.FetchLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The embedded runtime as the command line uses it: the data dir's fleet runtime (built by {@link
 * EmbeddedRuntime}) plus the scan engine its worker threads run.
 */
public final class FleetRuntime implements AutoCloseable {

  /**
   * Longer than one job may take (the clone bound plus scan_timeout, checked by {@link
   * JobTimeouts}), so a slow job is not delivered twice; also the wait before a failed job is
   * retried.
   */
  public static final EmbeddedFleet.QueueSettings QUEUE =
      new EmbeddedFleet.QueueSettings(Duration.ofMinutes(4), 3);

  private static final int POLL_BATCH = 1;

  private final EmbeddedRuntime runtime;
  private final RulePack pack;
  private final Clock clock;
  private final String toolVersion;
  private final Duration scanTimeout;

  private FleetRuntime(
      EmbeddedRuntime runtime,
      RulePack pack,
      Clock clock,
      String toolVersion,
      Duration scanTimeout) {
    this.runtime = runtime;
    this.pack = pack;
    this.clock = clock;
    this.toolVersion = toolVersion;
    this.scanTimeout = scanTimeout;
  }

  /** Opens the data dir with the default scan_timeout and no failure log. */
  public static FleetRuntime open(Path dataDir, RulePack pack, Clock clock, String toolVersion) {
    return open(dataDir, pack, clock, toolVersion, FailureLog.NONE, JobTimeouts.DEFAULT_SCAN);
  }

  /**
   * Opens the data dir with scans bounded by {@code scanTimeout}.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_CONFIG, before anything is
   *     opened, when a job bounded by the clone bound and {@code scanTimeout} could outlast the
   *     queue's visibility timeout
   */
  public static FleetRuntime open(
      Path dataDir,
      RulePack pack,
      Clock clock,
      String toolVersion,
      FailureLog log,
      Duration scanTimeout) {
    checkScanTimeout(scanTimeout);
    EmbeddedRuntime runtime =
        EmbeddedRuntime.open(
            dataDir,
            clock,
            QUEUE,
            new dev.fleetcheck.core.fleet.FleetRuntime.Settings(pack.digest()),
            log);
    return new FleetRuntime(runtime, pack, clock, toolVersion, scanTimeout);
  }

  /**
   * Answers {@code scanTimeout} when a job it bounds ends within the queue's visibility timeout.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_CONFIG otherwise
   */
  public static Duration checkScanTimeout(Duration scanTimeout) {
    return new JobTimeouts(FetchLimits.DEFAULT.timeout(), scanTimeout, QUEUE.visibilityTimeout())
        .scan();
  }

  public EmbeddedFleet embedded() {
    return runtime.adapters();
  }

  /** The fleet use cases over the data dir. */
  public dev.fleetcheck.core.fleet.FleetRuntime fleet() {
    return runtime.fleet();
  }

  public RulePack pack() {
    return pack;
  }

  public Clock clock() {
    return clock;
  }

  public FleetQueries queries() {
    return fleet().queries();
  }

  /**
   * One poller per worker thread, each with its own fetcher and engine. A worker takes one job at a
   * time, so the other workers get the rest of the queue instead of waiting behind a batch.
   */
  public Supplier<QueuePoller> pollers(Supplier<RepoFetcher> fetchers) {
    return () ->
        new QueuePoller(
            embedded().queue(),
            fleet()
                .worker(
                    fetchers.get(),
                    new EngineScanner(
                        new ScanEngine(pack, clock, toolVersion),
                        SnapshotLimits.defaults(),
                        scanTimeout)),
            POLL_BATCH);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
