package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.vcs.AccessToken;
import java.util.Map;
import java.util.Optional;

/**
 * The JGit fetcher the command line (and any local run) clones with: default bounds, this process's
 * scratch folder under the system temporary folder ({@link ScratchFolders}: removed at exit, or by
 * the next run after a kill), {@code file://} URLs allowed (the user names local repositories on
 * purpose), and the token from {@value AccessToken#GITHUB_TOKEN_VARIABLE} only, never from an
 * argument or a file.
 */
public final class GitFetchers {

  private GitFetchers() {}

  public static RepoFetcherFactory jgit(Map<String, String> environment) {
    return () ->
        new JGitFetcher(
            FetchLimits.DEFAULT,
            ScratchFolders.forThisProcess().folder(),
            token(environment),
            true);
  }

  /**
   * The token {@value AccessToken#GITHUB_TOKEN_VARIABLE} holds, if any.
   *
   * @throws FleetcheckException INVALID_CONFIG when it is set but not a usable token
   */
  public static Optional<AccessToken> token(Map<String, String> environment) {
    try {
      return AccessToken.fromEnvironment(environment);
    } catch (IllegalArgumentException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG,
          AccessToken.GITHUB_TOKEN_VARIABLE + " is not a usable token: " + e.getMessage());
    }
  }
}
