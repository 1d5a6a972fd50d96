package dev.fleetcheck.vcs.inventory;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which repositories of a GitHub organisation make up the fleet.
 *
 * @param apiBase the REST API root: {@code https://api.github.com/}, or {@code
 *     https://HOST/api/v3/} on GitHub Enterprise Server
 * @param org the organisation's login
 * @param includeArchived keep archived repositories (skipped by default: nobody fixes them)
 * @param includeForks keep forks (skipped by default: their upstream is scanned)
 * @param includeDisabled keep disabled repositories (skipped by default: they cannot be cloned)
 * @param topics when not empty, keep only repositories carrying at least one of these topics
 * @param allowAnonymous list without a token (public repositories only, 60 requests an hour)
 * @param requestTimeout bound of each HTTP request
 */
public record GitHubOrgQuery(
    URI apiBase,
    String org,
    boolean includeArchived,
    boolean includeForks,
    boolean includeDisabled,
    Set<String> topics,
    boolean allowAnonymous,
    Duration requestTimeout) {

  public static final URI GITHUB_API = URI.create("https://api.github.com/");

  // GitHub logins: alphanumerics and single hyphens, at most 39 characters.
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

  public GitHubOrgQuery {
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (!apiBase.isAbsolute()
        || !("https".equals(apiBase.getScheme()) || "http".equals(apiBase.getScheme()))) {
      throw new IllegalArgumentException("apiBase must be an absolute http(s) URL");
    }
    if (!apiBase.getPath().endsWith("/")) {
      apiBase = URI.create(apiBase + "/");
    }
    if (!LOGIN.matcher(org).matches()) {
      throw new IllegalArgumentException("not a GitHub organisation name: '" + org + "'");
    }
    topics = Set.copyOf(topics);
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** Every active, non-fork repository of {@code org} on github.com, with a token. */
  public static GitHubOrgQuery of(String org) {
    return new GitHubOrgQuery(
        GITHUB_API, org, false, false, false, Set.of(), false, Duration.ofSeconds(30));
  }

  public GitHubOrgQuery withApiBase(URI base) {
    return new GitHubOrgQuery(
        base,
        org,
        includeArchived,
        includeForks,
        includeDisabled,
        topics,
        allowAnonymous,
        requestTimeout);
  }

  public GitHubOrgQuery withArchived(boolean include) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        include,
        includeForks,
        includeDisabled,
        topics,
        allowAnonymous,
        requestTimeout);
  }

  public GitHubOrgQuery withForks(boolean include) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        includeArchived,
        include,
        includeDisabled,
        topics,
        allowAnonymous,
        requestTimeout);
  }

  public GitHubOrgQuery withDisabled(boolean include) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        includeArchived,
        includeForks,
        include,
        topics,
        allowAnonymous,
        requestTimeout);
  }

  public GitHubOrgQuery withTopics(Set<String> anyOf) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        includeArchived,
        includeForks,
        includeDisabled,
        anyOf,
        allowAnonymous,
        requestTimeout);
  }

  public GitHubOrgQuery withAnonymous(boolean allowed) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        includeArchived,
        includeForks,
        includeDisabled,
        topics,
        allowed,
        requestTimeout);
  }

  public GitHubOrgQuery withRequestTimeout(Duration timeout) {
    return new GitHubOrgQuery(
        apiBase,
        org,
        includeArchived,
        includeForks,
        includeDisabled,
        topics,
        allowAnonymous,
        timeout);
  }

  /** The first page of the organisation's repositories. */
  URI firstPage() {
    return apiBase.resolve("orgs/" + org + "/repos?per_page=100&type=all");
  }
}
