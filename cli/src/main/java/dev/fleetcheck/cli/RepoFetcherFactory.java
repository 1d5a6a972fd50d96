package dev.fleetcheck.cli;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.RepoFetcher;

/**
 * Gives {@code scan} the fetcher that clones a GIT_URL. Main wires the JGit adapter of the vcs
 * module; tests pass a fake that copies a fixture repository.
 */
@FunctionalInterface
public interface RepoFetcherFactory {

  RepoFetcher create();

  /** For builds without a git adapter: every URL scan fails with {@code clone_failed}. */
  static RepoFetcherFactory none() {
    return () ->
        repo -> {
          throw new FleetcheckException(
              ErrorCode.CLONE_FAILED,
              "this fleetcheck build has no git fetcher; clone the repository and scan its folder");
        };
  }
}
