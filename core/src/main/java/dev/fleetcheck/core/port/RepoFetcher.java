package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.RepoRef;
import java.util.Optional;

/** Brings one repository's default branch (or the given branch) to a bounded local work tree. */
public interface RepoFetcher {

  /**
   * Fetches {@code repo}.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException with one of invalid_repo_url,
   *     repo_not_found, clone_auth_failed, clone_timeout, repo_too_large, clone_failed
   */
  FetchedRepo fetch(RepoRef repo);

  /**
   * The commit {@link #fetch} would check out now, asked of the remote without cloning, so an
   * unchanged repository costs one round trip. Adapters that cannot ask cheaply answer empty, and
   * the caller fetches to find out.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException with the codes of {@link #fetch}
   */
  default Optional<String> resolveHead(RepoRef repo) {
    return Optional.empty();
  }
}
