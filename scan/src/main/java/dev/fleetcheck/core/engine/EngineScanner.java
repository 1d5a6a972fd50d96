package dev.fleetcheck.core.engine;

import dev.fleetcheck.core.fleet.CodeOwners;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.port.RepoScanner;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import java.nio.file.Path;

/** The scan engine behind the {@link RepoScanner} port: snapshot, rules, CODEOWNERS. */
public final class EngineScanner implements RepoScanner {

  private final ScanEngine engine;
  private final SnapshotLimits limits;

  public EngineScanner(ScanEngine engine, SnapshotLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  @Override
  public String rulePackDigest() {
    return engine.pack().digest();
  }

  @Override
  public ScannedRepo scan(Path directory, RepositoryRef repository) {
    RepoSnapshot snapshot = RepoSnapshot.of(directory, limits);
    return new ScannedRepo(
        engine.scan(snapshot, repository), CodeOwners.teamOf(snapshot::exists, snapshot::readText));
  }
}
