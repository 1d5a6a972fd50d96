package dev.fleetcheck.vcs.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.vcs.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The inventory against a loopback server answering as api.github.com does. */
@Tag("integration")
class GitHubOrgInventoryTest {

  private static final AccessToken TOKEN = AccessToken.of("ghp_R4nd0mT0k3nV4lu3F0rT3st1ng0000");
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String REPOS = "/orgs/acme/repos";

  private WireMockServer github;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    github.start();
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  private GitHubOrgQuery query() {
    return GitHubOrgQuery.of("acme")
        .withApiBase(URI.create("http://127.0.0.1:" + github.port() + "/"))
        .withRequestTimeout(Duration.ofSeconds(5));
  }

  private GitHubOrgInventory inventory(GitHubOrgQuery query, Optional<AccessToken> token) {
    return new GitHubOrgInventory(
        query,
        token,
        HttpClient.newHttpClient(),
        new RetryPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(1)),
        waits::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void followsLinkPaginationOverThreePagesAndSkipsArchivedForksAndDisabled() {
    String base = "http://127.0.0.1:" + github.port();
    String pages = "/organizations/9919/repos";
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                page(
                        repo("payments-api", "main", false, false, false, "python", "payments"),
                        repo("old-portal", "master", true, false, false))
                    .withHeader("Link", links(base + pages, 2, 3))));
    github.stubFor(
        get(urlPathEqualTo(pages))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                page(
                        repo("ledger", "trunk", false, false, false, "python"),
                        repo("forked-lib", "main", false, true, false))
                    .withHeader("Link", links(base + pages, 3, 3))));
    github.stubFor(
        get(urlPathEqualTo(pages))
            .withQueryParam("page", equalTo("3"))
            .willReturn(
                page(
                    repo("frozen", "main", false, false, true),
                    repo("billing", "main", false, false, false))));

    List<RepoRef> repos = inventory(query(), Optional.of(TOKEN)).list();

    assertThat(repos)
        .containsExactly(
            new RepoRef("acme/billing", "https://github.com/acme/billing.git", "", "main"),
            new RepoRef("acme/ledger", "https://github.com/acme/ledger.git", "", "trunk"),
            new RepoRef(
                "acme/payments-api", "https://github.com/acme/payments-api.git", "", "main"));
    github.verify(
        getRequestedFor(urlPathEqualTo(REPOS))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("type", equalTo("all"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
            .withHeader("Accept", equalTo("application/vnd.github+json"))
            .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    github.verify(1, getRequestedFor(urlPathEqualTo(pages)).withQueryParam("page", equalTo("3")));
    assertThat(waits).isEmpty();
  }

  @Test
  void optionsIncludeArchivedForksAndDisabled() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                page(
                    repo("old-portal", "master", true, false, false),
                    repo("forked-lib", "main", false, true, false),
                    repo("frozen", "main", false, false, true))));
    GitHubOrgQuery everything = query().withArchived(true).withForks(true).withDisabled(true);
    assertThat(inventory(everything, Optional.of(TOKEN)).list())
        .extracting(RepoRef::name)
        .containsExactly("acme/forked-lib", "acme/frozen", "acme/old-portal");
  }

  @Test
  void topicFilterKeepsRepositoriesWithAnyGivenTopic() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                page(
                    repo("payments-api", "main", false, false, false, "python", "payments"),
                    repo("web", "main", false, false, false, "typescript"),
                    repo("ml", "main", false, false, false, "data", "python"),
                    repo("bare", "main", false, false, false))));
    assertThat(inventory(query().withTopics(Set.of("python")), Optional.of(TOKEN)).list())
        .extracting(RepoRef::name)
        .containsExactly("acme/ml", "acme/payments-api");
  }

  @Test
  void primaryRateLimitWaitsUntilResetThenSucceeds() {
    long reset = NOW.plusSeconds(42).getEpochSecond();
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("x-ratelimit-limit", "5000")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-used", "5000")
                    .withHeader("x-ratelimit-reset", Long.toString(reset))
                    .withHeader("x-ratelimit-resource", "core")
                    .withBody(
                        "{\"message\":\"API rate limit exceeded for user ID 1.\","
                            + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\","
                            + "\"status\":\"403\"}"))
            .willSetStateTo("reset"));
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .inScenario("limit")
            .whenScenarioStateIs("reset")
            .willReturn(page(repo("billing", "main", false, false, false))));

    assertThat(inventory(query(), Optional.of(TOKEN)).list())
        .extracting(RepoRef::name)
        .containsExactly("acme/billing");
    assertThat(waits).containsExactly(Duration.ofSeconds(43));
  }

  @Test
  void secondaryRateLimitHonoursRetryAfter() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .inScenario("secondary")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("retry-after", "7")
                    .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"))
            .willSetStateTo("ok"));
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .inScenario("secondary")
            .whenScenarioStateIs("ok")
            .willReturn(page(repo("billing", "main", false, false, false))));
    assertThat(inventory(query(), Optional.of(TOKEN)).list()).hasSize(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void rateLimitResettingBeyondTheBoundGivesUpAtOnce() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader(
                        "x-ratelimit-reset", Long.toString(NOW.plusSeconds(3600).getEpochSecond()))
                    .withBody("{\"message\":\"API rate limit exceeded\"}")));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_RATE_LIMITED);
    assertThat(waits).isEmpty();
  }

  @Test
  void rateLimitThatNeverLiftsGivesUpAfterTheLastAttempt() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(aResponse().withStatus(429).withHeader("retry-after", "2")));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_RATE_LIMITED);
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    github.verify(3, getRequestedFor(urlPathEqualTo(REPOS)));
  }

  @Test
  void spentBudgetOnAPageWaitsBeforeTheNextPage() {
    String next = "http://127.0.0.1:" + github.port() + "/organizations/9919/repos";
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                page(0, NOW.plusSeconds(9), repo("a", "main", false, false, false))
                    .withHeader("Link", links(next, 2, 2))));
    github.stubFor(
        get(urlPathEqualTo("/organizations/9919/repos"))
            .willReturn(page(repo("b", "main", false, false, false))));
    assertThat(inventory(query(), Optional.of(TOKEN)).list()).hasSize(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void unauthorizedIsGitHubAuthFailedWithoutTheToken() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}")));
    assertThatThrownBy(() -> inventory(query(), Optional.of(TOKEN)).list())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.GITHUB_AUTH_FAILED);
              assertThat(e.getMessage()).doesNotContain(TOKEN.reveal());
            });
  }

  @Test
  void forbiddenWithoutRateLimitIsGitHubAuthFailed() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "4999")
                    .withBody(
                        "{\"message\":\"Resource protected by organization SAML enforcement.\"}")));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_AUTH_FAILED);
  }

  @Test
  void unknownOrganisationIsGitHubNotFound() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/repos/repos#list-organization-repositories\",\"status\":\"404\"}")));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_NOT_FOUND);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenUnavailable() {
    github.stubFor(get(urlPathEqualTo(REPOS)).willReturn(aResponse().withStatus(502)));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_UNAVAILABLE);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void slowAnswerTimesOutAndIsUnavailable() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(page(repo("a", "main", false, false, false)).withFixedDelay(3_000)));
    GitHubOrgQuery impatient = query().withRequestTimeout(Duration.ofMillis(200));
    assertThatThrownBy(() -> inventory(impatient, Optional.of(TOKEN)).list())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.GITHUB_UNAVAILABLE);
              assertThat(e.getMessage()).contains("did not answer");
            });
  }

  @Test
  void paginationLinkToAnotherHostIsRefusedSoTheTokenStaysHome() {
    github.stubFor(
        get(urlPathEqualTo(REPOS))
            .willReturn(
                page(repo("a", "main", false, false, false))
                    .withHeader("Link", "<https://evil.example/steal?page=2>; rel=\"next\"")));
    assertFails(() -> inventory(query(), Optional.of(TOKEN)).list(), ErrorCode.GITHUB_UNAVAILABLE);
  }

  @Test
  void cloneUrlWithAQueryOrCredentialsIsRefusedWithoutRepeatingIt() {
    for (String tail : List.of("?access_token=SECRET-VALUE-42", "#SECRET-VALUE-42")) {
      github.stubFor(
          get(urlPathEqualTo(REPOS))
              .willReturn(
                  page(
                      repo("a", "main", false, false, false)
                          .replace("acme/a.git", "acme/a.git" + tail))));
      assertThatThrownBy(() -> inventory(query(), Optional.of(TOKEN)).list())
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPO_URL);
                assertThat(e.getMessage()).contains("clone_url").doesNotContain("SECRET");
              });
    }
  }

  @Test
  void anonymousListingSendsNoAuthorization() {
    github.stubFor(
        get(urlPathEqualTo(REPOS)).willReturn(page(repo("a", "main", false, false, false))));
    assertThat(inventory(query().withAnonymous(true), Optional.empty()).list()).hasSize(1);
    github.verify(getRequestedFor(urlPathEqualTo(REPOS)).withoutHeader("Authorization"));
  }

  @Test
  void missingTokenIsRefusedBeforeAnyRequest() {
    assertFails(() -> inventory(query(), Optional.empty()).list(), ErrorCode.TOKEN_MISSING);
    github.verify(0, getRequestedFor(urlPathEqualTo(REPOS)));
  }

  private static void assertFails(Supplier<?> call, ErrorCode code) {
    assertThatThrownBy(call::get)
        .isInstanceOfSatisfying(
            FleetcheckException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  private static String links(String url, int next, int last) {
    return "<"
        + url
        + "?per_page=100&type=all&page="
        + next
        + ">; rel=\"next\", <"
        + url
        + "?per_page=100&type=all&page="
        + last
        + ">; rel=\"last\"";
  }

  private static ResponseDefinitionBuilder page(String... repos) {
    return page(4987, NOW.plusSeconds(1800), repos);
  }

  private static ResponseDefinitionBuilder page(int remaining, Instant reset, String... repos) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("x-ratelimit-limit", "5000")
        .withHeader("x-ratelimit-remaining", Integer.toString(remaining))
        .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
        .withHeader("x-ratelimit-resource", "core")
        .withBody("[" + String.join(",", repos) + "]");
  }

  /** A repository object with the fields (and field names) GitHub's REST API returns. */
  private static String repo(
      String name,
      String defaultBranch,
      boolean archived,
      boolean fork,
      boolean disabled,
      String... topics) {
    String topicList = topics.length == 0 ? "" : "\"" + String.join("\",\"", topics) + "\"";
    return """
        {
          "id": %d,
          "node_id": "R_kgDOExample",
          "name": "%s",
          "full_name": "acme/%s",
          "private": false,
          "owner": {"login": "acme", "id": 9919, "type": "Organization",
                    "html_url": "https://github.com/acme"},
          "html_url": "https://github.com/acme/%s",
          "description": null,
          "fork": %s,
          "url": "https://api.github.com/repos/acme/%s",
          "git_url": "git://github.com/acme/%s.git",
          "ssh_url": "git@github.com:acme/%s.git",
          "clone_url": "https://github.com/acme/%s.git",
          "homepage": null,
          "size": 1024,
          "language": "Python",
          "archived": %s,
          "disabled": %s,
          "visibility": "public",
          "pushed_at": "2026-05-30T10:00:00Z",
          "topics": [%s],
          "default_branch": "%s",
          "permissions": {"admin": false, "maintain": false, "push": false, "triage": false,
                          "pull": true}
        }
        """
        .formatted(
            Math.abs(name.hashCode()),
            name,
            name,
            name,
            fork,
            name,
            name,
            name,
            name,
            archived,
            disabled,
            topicList,
            defaultBranch);
  }
}
