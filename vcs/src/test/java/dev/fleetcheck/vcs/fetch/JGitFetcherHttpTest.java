package dev.fleetcheck.vcs.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.vcs.AccessToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the fetcher reads what a smart-HTTP git host answers on {@code /info/refs}. */
@Tag("integration")
class JGitFetcherHttpTest {

  private static final AccessToken TOKEN =
      AccessToken.of("ghs_16C7e42F292c6912E7710c838347Ae178B4a");
  private static final FetchLimits LIMITS =
      new FetchLimits(Duration.ofSeconds(20), 10L * 1024 * 1024, 1_000);

  @TempDir Path work;
  private WireMockServer host;

  @BeforeEach
  void start() {
    host = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    host.start();
  }

  @AfterEach
  void stop() {
    host.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + host.port() + path;
  }

  private JGitFetcher fetcher(Optional<AccessToken> token) {
    return new JGitFetcher(LIMITS, work, token, false);
  }

  @Test
  void rejectedTokenIsCloneAuthFailedAndTravelsOnlyInTheAuthorizationHeader() throws Exception {
    host.stubFor(
        get(urlPathEqualTo("/acme/private.git/info/refs"))
            .willReturn(
                aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"git\"")));

    assertThatThrownBy(
            () ->
                fetcher(Optional.of(TOKEN))
                    .fetch(new RepoRef("private", url("/acme/private.git"), "", "")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.CLONE_AUTH_FAILED);
              assertThat(e.getMessage()).doesNotContain(TOKEN.reveal());
            });

    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("x-access-token:" + TOKEN.reveal()).getBytes(StandardCharsets.UTF_8));
    host.verify(
        getRequestedFor(urlPathEqualTo("/acme/private.git/info/refs"))
            .withHeader("Authorization", equalTo(basic)));
    for (LoggedRequest request : host.findAll(getRequestedFor(urlPathMatching(".*")))) {
      assertThat(request.getAbsoluteUrl()).doesNotContain(TOKEN.reveal());
    }
    assertThat(Files.list(work)).isEmpty();
  }

  @Test
  void authenticationDemandedWithoutTokenIsCloneAuthFailed() {
    host.stubFor(
        get(urlPathEqualTo("/acme/private.git/info/refs"))
            .willReturn(
                aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"git\"")));
    JGitFetcherTest.assertFails(
        () -> fetcher(Optional.empty()).fetch(new RepoRef("p", url("/acme/private.git"), "", "")),
        ErrorCode.CLONE_AUTH_FAILED);
  }

  @Test
  void forbiddenIsCloneAuthFailed() {
    host.stubFor(
        get(urlPathEqualTo("/acme/private.git/info/refs")).willReturn(aResponse().withStatus(403)));
    JGitFetcherTest.assertFails(
        () -> fetcher(Optional.of(TOKEN)).fetch(new RepoRef("p", url("/acme/private.git"), "", "")),
        ErrorCode.CLONE_AUTH_FAILED);
  }

  @Test
  void notFoundIsRepoNotFound() throws Exception {
    host.stubFor(
        get(urlPathEqualTo("/acme/gone.git/info/refs")).willReturn(aResponse().withStatus(404)));
    JGitFetcherTest.assertFails(
        () -> fetcher(Optional.of(TOKEN)).fetch(new RepoRef("gone", url("/acme/gone.git"), "", "")),
        ErrorCode.REPO_NOT_FOUND);
    assertThat(Files.list(work)).isEmpty();
  }

  @Test
  void serverErrorIsCloneFailed() {
    host.stubFor(
        get(urlPathEqualTo("/acme/x.git/info/refs")).willReturn(aResponse().withStatus(502)));
    JGitFetcherTest.assertFails(
        () -> fetcher(Optional.empty()).fetch(new RepoRef("x", url("/acme/x.git"), "", "")),
        ErrorCode.CLONE_FAILED);
  }

  @Test
  void stalledHttpServerTimesOut() {
    host.stubFor(
        get(urlPathEqualTo("/acme/slow.git/info/refs"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
    FetchLimits quick = new FetchLimits(Duration.ofSeconds(1), 10L * 1024 * 1024, 1_000);
    JGitFetcherTest.assertFails(
        () ->
            new JGitFetcher(quick, work, Optional.empty(), false)
                .fetch(new RepoRef("slow", url("/acme/slow.git"), "", "")),
        ErrorCode.CLONE_TIMEOUT);
  }
}
