package dev.fleetcheck.core.engine;

import dev.fleetcheck.core.fleet.CodeOwners;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.port.RepoScanner;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.ScanDeadline;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The scan engine behind the {@link RepoScanner} port: snapshot, rules, CODEOWNERS. With a time
 * bound, each scan gets a fresh {@link ScanDeadline} and one that runs out throws SCAN_TIMEOUT.
 */
public final class EngineScanner implements RepoScanner {

  private final ScanEngine engine;
  private final SnapshotLimits limits;
  private final Optional<Duration> timeout;

  /** A scanner whose scans run until done. */
  public EngineScanner(ScanEngine engine, SnapshotLimits limits) {
    this(engine, limits, Optional.empty());
  }

  /** A scanner whose scans are bounded by {@code timeout} each (the fleet's scan_timeout). */
  public EngineScanner(ScanEngine engine, SnapshotLimits limits, Duration timeout) {
    this(engine, limits, Optional.of(timeout));
  }

  private EngineScanner(ScanEngine engine, SnapshotLimits limits, Optional<Duration> timeout) {
    this.engine = engine;
    this.limits = limits;
    this.timeout = timeout;
  }

  @Override
  public String rulePackDigest() {
    return engine.pack().digest();
  }

  @Override
  public ScannedRepo scan(Path directory, RepositoryRef repository) {
    ScanDeadline deadline = timeout.map(ScanDeadline::after).orElse(ScanDeadline.none());
    RepoSnapshot snapshot = RepoSnapshot.of(directory, limits, deadline);
    return new ScannedRepo(
        engine.scan(snapshot, repository), CodeOwners.teamOf(snapshot::exists, snapshot::readText));
  }
}
