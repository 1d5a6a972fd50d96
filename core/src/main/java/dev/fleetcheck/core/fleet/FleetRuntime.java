package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.core.port.RepoScanner;
import java.util.Objects;

/**
 * Every fleet use case, assembled from the deployment's ports and settings. Use cases keep no state
 * between calls, so a handler builds one runtime at init and serves every invocation with it: the
 * sweep handler calls {@link #startSweep}, the worker {@link #worker}, the API {@link #queries},
 * {@link #requestScan} (and builds a fleet report from {@link #ports}). Only the worker needs a
 * scanner (module scan).
 */
public final class FleetRuntime {

  /**
   * @param rulePackDigest the digest of the rule pack the workers apply, stored on each sweep (a
   *     deployment setting, so handlers that never scan need not load the pack)
   */
  public record Settings(String rulePackDigest) {
    public Settings {
      Objects.requireNonNull(rulePackDigest, "rulePackDigest");
    }
  }

  private final FleetPorts ports;
  private final Settings settings;

  public FleetRuntime(FleetPorts ports, Settings settings) {
    this.ports = ports;
    this.settings = settings;
  }

  public FleetPorts ports() {
    return ports;
  }

  public Settings settings() {
    return settings;
  }

  public StartSweep startSweep(RepoInventory inventory) {
    return new StartSweep(
        inventory, ports.queue(), ports.results(), ports.clock(), settings.rulePackDigest());
  }

  public RequestScan requestScan() {
    return new RequestScan(ports.queue(), ports.results(), ports.clock());
  }

  public ScanRepository scanRepository(RepoFetcher fetcher, RepoScanner scanner) {
    return new ScanRepository(
        fetcher,
        scanner,
        ports.codec(),
        ports.reports(),
        ports.results(),
        ports.clock(),
        ports.log());
  }

  /** The worker's batch logic over one fetcher and scanner (one per worker thread). */
  public ScanWorker worker(RepoFetcher fetcher, RepoScanner scanner) {
    return new ScanWorker(
        scanRepository(fetcher, scanner), ports.queue().maxReceives(), ports.log());
  }

  public FleetQueries queries() {
    return new FleetQueries(ports.results(), ports.reports(), ports.codec());
  }

  public DeadLetters deadLetters() {
    return new DeadLetters(
        ports.queue(),
        ports.results(),
        ports.results(),
        ports.clock(),
        settings.rulePackDigest(),
        ports.log());
  }

  public SweepCompletion sweepCompletion() {
    return new SweepCompletion(ports.results(), deadLetters());
  }
}
