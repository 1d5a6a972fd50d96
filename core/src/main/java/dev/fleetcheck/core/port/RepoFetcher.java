package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.RepoRef;

/** Brings one repository's default branch (or the given branch) to a bounded local work tree. */
public interface RepoFetcher {

  /**
   * Fetches {@code repo}.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException with one of invalid_repo_url,
   *     repo_not_found, clone_auth_failed, clone_timeout, repo_too_large, clone_failed
   */
  FetchedRepo fetch(RepoRef repo);
}
