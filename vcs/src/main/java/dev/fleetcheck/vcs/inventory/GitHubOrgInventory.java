package dev.fleetcheck.vcs.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.vcs.AccessToken;
import dev.fleetcheck.vcs.fetch.RepoUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The repositories of one GitHub organisation, from {@code GET /orgs/{org}/repos}, following the
 * {@code Link: rel="next"} pages. Archived, forked and disabled repositories are skipped unless the
 * query includes them; a topic filter keeps repositories carrying any of the given topics.
 *
 * <p>Rate limits are honoured: a 403 or 429 that is a rate limit (remaining 0, or a {@code
 * retry-after}) waits until {@code x-ratelimit-reset} or for {@code retry-after} when that is
 * within {@link RetryPolicy#maxWait()}, and gives up with github_rate_limited otherwise or after
 * the last attempt. A page that leaves the budget at 0 waits before the next page the same way.
 * Every request has a timeout; timeouts and 5xx are retried with backoff, then reported as
 * github_unavailable. 401 and other 403s are github_auth_failed, 404 is github_not_found.
 *
 * <p>The token travels only in the {@code Authorization} header, and only to the API host: a
 * pagination link to another host is refused.
 */
public final class GitHubOrgInventory implements RepoInventory {

  private static final int MAX_PAGES = 1_000;
  private static final String API_VERSION = "2022-11-28";
  // GitHub's advice for a secondary rate limit without retry-after: wait at least a minute.
  private static final Duration SECONDARY_LIMIT_WAIT = Duration.ofMinutes(1);

  private final GitHubOrgQuery query;
  private final Optional<AccessToken> token;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param token read by the caller from {@code FLEETCHECK_GITHUB_TOKEN}; empty is accepted only
   *     when the query allows anonymous listing
   */
  public GitHubOrgInventory(
      GitHubOrgQuery query,
      Optional<AccessToken> token,
      HttpClient http,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock) {
    this.query = Objects.requireNonNull(query, "query");
    this.token = Objects.requireNonNull(token, "token");
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The production wiring: a JDK client that follows no redirect, real sleeps, the system clock.
   */
  public static GitHubOrgInventory create(GitHubOrgQuery query, Optional<AccessToken> token) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(query.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new GitHubOrgInventory(
        query, token, http, RetryPolicy.DEFAULT, Sleeper.SYSTEM, Clock.systemUTC());
  }

  @Override
  public List<RepoRef> list() {
    if (token.isEmpty() && !query.allowAnonymous()) {
      throw new FleetcheckException(
          ErrorCode.TOKEN_MISSING,
          "listing organisation '"
              + query.org()
              + "' needs a token in "
              + AccessToken.GITHUB_TOKEN_VARIABLE
              + " (or allow anonymous listing for public repositories)");
    }
    List<RepoRef> repos = new ArrayList<>();
    Optional<URI> next = Optional.of(query.firstPage());
    int pages = 0;
    while (next.isPresent()) {
      if (++pages > MAX_PAGES) {
        throw unavailable("more than " + MAX_PAGES + " pages of repositories", null);
      }
      HttpResponse<String> page = get(next.get());
      for (JsonNode repo : repositories(page.body())) {
        if (wanted(repo)) {
          repos.add(toRef(repo));
        }
      }
      next = nextPage(page);
      if (next.isPresent()) {
        waitIfBudgetSpent(page);
      }
    }
    repos.sort(Comparator.comparing(RepoRef::name));
    return List.copyOf(repos);
  }

  private HttpResponse<String> get(URI uri) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request(uri), HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        backoffOrFail(attempt, "GitHub did not answer within " + query.requestTimeout(), e);
        continue;
      } catch (IOException e) {
        backoffOrFail(attempt, "GitHub could not be reached: " + e.getMessage(), e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable("interrupted while listing repositories", e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return response;
      }
      if (status == 401) {
        throw new FleetcheckException(
            ErrorCode.GITHUB_AUTH_FAILED,
            token.isPresent()
                ? "GitHub rejected the token (401): it is invalid, expired or revoked"
                : "GitHub requires a token (401)");
      }
      if ((status == 403 || status == 429) && isRateLimit(response)) {
        waitOutRateLimit(response, attempt);
        continue;
      }
      if (status == 403) {
        throw new FleetcheckException(
            ErrorCode.GITHUB_AUTH_FAILED,
            "GitHub refused to list organisation '"
                + query.org()
                + "' (403): the token lacks access or the organisation requires SSO authorisation");
      }
      if (status == 404) {
        throw new FleetcheckException(
            ErrorCode.GITHUB_NOT_FOUND,
            "organisation '" + query.org() + "' not found (or not visible to this token)");
      }
      if (status >= 500) {
        backoffOrFail(attempt, "GitHub answered " + status, null);
        continue;
      }
      throw unavailable("GitHub answered an unexpected " + status, null);
    }
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(query.requestTimeout())
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", API_VERSION)
            .header("User-Agent", "fleetcheck")
            .GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
    return request.build();
  }

  private static boolean isRateLimit(HttpResponse<String> response) {
    return response.statusCode() == 429
        || "0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(""))
        || response.headers().firstValue("retry-after").isPresent()
        || response.body().toLowerCase(java.util.Locale.ROOT).contains("rate limit");
  }

  private void waitOutRateLimit(HttpResponse<String> response, int attempt) {
    Duration wait = rateLimitWait(response, attempt);
    if (attempt >= retry.maxAttempts() || wait.compareTo(retry.maxWait()) > 0) {
      throw new FleetcheckException(
          ErrorCode.GITHUB_RATE_LIMITED,
          "GitHub rate limit exhausted"
              + resetTime(response).map(reset -> "; it resets at " + reset).orElse("")
              + " (waited "
              + (attempt - 1)
              + " time(s), longest accepted wait "
              + retry.maxWait()
              + ")");
    }
    sleep(wait);
  }

  /** Before the next page: when this one spent the budget, wait for the reset if bounded. */
  private void waitIfBudgetSpent(HttpResponse<String> page) {
    if (!"0".equals(page.headers().firstValue("x-ratelimit-remaining").orElse(""))) {
      return;
    }
    Duration wait = untilReset(page).orElse(Duration.ZERO);
    if (wait.compareTo(retry.maxWait()) > 0) {
      throw new FleetcheckException(
          ErrorCode.GITHUB_RATE_LIMITED,
          "GitHub rate limit exhausted"
              + resetTime(page).map(reset -> "; it resets at " + reset).orElse(""));
    }
    sleep(wait);
  }

  private Duration rateLimitWait(HttpResponse<String> response, int attempt) {
    OptionalLong retryAfter = seconds(response, "retry-after");
    if (retryAfter.isPresent()) {
      return Duration.ofSeconds(Math.max(1, retryAfter.getAsLong()));
    }
    Optional<Duration> reset = untilReset(response);
    if (reset.isPresent()) {
      return reset.get();
    }
    return SECONDARY_LIMIT_WAIT.multipliedBy(1L << Math.min(10, attempt - 1));
  }

  /** Time until {@code x-ratelimit-reset}, plus a second for clock skew, when remaining is 0. */
  private Optional<Duration> untilReset(HttpResponse<String> response) {
    if (!"0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(""))) {
      return Optional.empty();
    }
    return resetTime(response)
        .map(reset -> Duration.between(clock.instant(), reset).plusSeconds(1))
        .map(wait -> wait.isNegative() ? Duration.ofSeconds(1) : wait);
  }

  private static Optional<Instant> resetTime(HttpResponse<String> response) {
    OptionalLong reset = seconds(response, "x-ratelimit-reset");
    return reset.isPresent()
        ? Optional.of(Instant.ofEpochSecond(reset.getAsLong()))
        : Optional.empty();
  }

  private static OptionalLong seconds(HttpResponse<String> response, String header) {
    Optional<String> value = response.headers().firstValue(header);
    try {
      return value.isPresent()
          ? OptionalLong.of(Long.parseLong(value.get().trim()))
          : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private void backoffOrFail(int attempt, String problem, Exception cause) {
    if (attempt >= retry.maxAttempts()) {
      throw unavailable(problem + " (after " + attempt + " attempts)", cause);
    }
    sleep(retry.backoffAfter(attempt));
  }

  private void sleep(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for GitHub", e);
    }
  }

  private Optional<URI> nextPage(HttpResponse<String> page) {
    Optional<URI> next;
    try {
      next = LinkHeader.find(page.headers().firstValue("link").orElse(null), "next");
    } catch (IllegalArgumentException e) {
      throw unavailable("GitHub sent a malformed pagination link", e);
    }
    if (next.isPresent() && !sameOrigin(next.get(), query.apiBase())) {
      // The token would follow the link: only the API host may receive it.
      throw unavailable("GitHub's pagination link points away from " + query.apiBase(), null);
    }
    return next;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  private List<JsonNode> repositories(String body) {
    JsonNode page;
    try {
      page = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw unavailable("GitHub sent a page that is not JSON", e);
    }
    if (page == null || !page.isArray()) {
      throw unavailable("GitHub sent a page that is not a list of repositories", null);
    }
    List<JsonNode> repos = new ArrayList<>();
    page.forEach(repos::add);
    return repos;
  }

  private boolean wanted(JsonNode repo) {
    if (repo.path("archived").asBoolean(false) && !query.includeArchived()) {
      return false;
    }
    if (repo.path("fork").asBoolean(false) && !query.includeForks()) {
      return false;
    }
    if (repo.path("disabled").asBoolean(false) && !query.includeDisabled()) {
      return false;
    }
    if (query.topics().isEmpty()) {
      return true;
    }
    for (JsonNode topic : repo.path("topics")) {
      if (query.topics().contains(topic.asText())) {
        return true;
      }
    }
    return false;
  }

  private RepoRef toRef(JsonNode repo) {
    String cloneUrl = repo.path("clone_url").asText("");
    String fullName = repo.path("full_name").asText("");
    if (cloneUrl.isEmpty() || fullName.isEmpty()) {
      throw unavailable("GitHub sent a repository without clone_url or full_name", null);
    }
    try {
      RepoUrl.parse(cloneUrl, false);
    } catch (FleetcheckException e) {
      // The same refusal a static inventory gives; the URL itself is not repeated.
      throw new FleetcheckException(
          ErrorCode.INVALID_REPO_URL,
          "GitHub listed a clone_url that is not accepted: " + e.getMessage());
    }
    return new RepoRef(fullName, cloneUrl, "", repo.path("default_branch").asText(""));
  }

  private static FleetcheckException unavailable(String message, Exception cause) {
    return new FleetcheckException(ErrorCode.GITHUB_UNAVAILABLE, message, cause);
  }
}
