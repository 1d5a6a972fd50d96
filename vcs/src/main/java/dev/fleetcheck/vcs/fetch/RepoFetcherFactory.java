package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.RepoFetcher;

/**
 * Makes a fetcher per worker (or per {@code scan} of a GIT_URL). The CLI wires {@link
 * GitFetchers#jgit}; tests pass a fake that copies a fixture repository.
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
