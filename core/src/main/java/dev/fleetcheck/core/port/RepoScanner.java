package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScannedRepo;
import java.nio.file.Path;

/**
 * Scans one fetched work tree. The scan engine (module {@code scan}) implements it, so that the
 * fleet use cases, and a handler that only reads results, never carry the engine, JGit or the
 * YAML/TOML parsers.
 */
public interface RepoScanner {

  /** The digest of the rule pack this scanner applies; part of every scan ID. */
  String rulePackDigest();

  /**
   * Scans the work tree at {@code directory}, the checkout of {@code repository}.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException when the tree cannot be read
   */
  ScannedRepo scan(Path directory, RepositoryRef repository);
}
