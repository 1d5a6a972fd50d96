package dev.fleetcheck.aws.github;

/**
 * The token git and the GitHub API get: a fixed token, or a GitHub App's installation token,
 * renewed before it expires. Safe to call before every clone; answers from a cache.
 */
public interface GitHubCredentials {

  /**
   * A token valid for at least a few more minutes.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException TOKEN_MISSING when the secret holds no
   *     usable credentials, GITHUB_AUTH_FAILED when GitHub refuses the app, STORE_FAILED when the
   *     secret cannot be read
   */
  GitHubToken token();
}
