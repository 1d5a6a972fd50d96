package dev.fleetcheck.aws.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * GitHub credentials read from Secrets Manager (moto_server) and, for an app, exchanged with a
 * GitHub stand-in (WireMock) for installation tokens signed with a key pair made for the test.
 */
@Tag("integration")
@ExtendWith(MotoServer.class)
class SecretsManagerCredentialsTest {

  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final String PATH = "/app/installations/42/access_tokens";
  private static final Duration SECRET_TTL = Duration.ofMinutes(5);

  private static AwsClients clients;
  private static SecretsManagerClient secrets;
  private WireMockServer github;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
    secrets = clients.secretsManager();
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  @BeforeEach
  void startGitHub() {
    github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    github.start();
  }

  @AfterEach
  void stopGitHub() {
    github.stop();
  }

  private String secret(String value) {
    String name = "github-" + UUID.randomUUID();
    secrets.createSecret(b -> b.name(name).secretString(value));
    return name;
  }

  private SecretsManagerCredentials credentials(String secretId) {
    return new SecretsManagerCredentials(
        secrets,
        secretId,
        URI.create(github.baseUrl()),
        HttpClient.newHttpClient(),
        clock,
        SECRET_TTL);
  }

  private static String appSecret(String pem) throws Exception {
    return new ObjectMapper()
        .writeValueAsString(Map.of("app_id", "777", "installation_id", "42", "private_key", pem));
  }

  private void answer(String state, String next, String token, Instant expiresAt) {
    github.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("tokens")
            .whenScenarioStateIs(state)
            .willSetStateTo(next)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"token\":\"" + token + "\",\"expires_at\":\"" + expiresAt + "\"}")));
  }

  @Test
  void anAppTokenIsMintedWithASignedJwtAndKeptUntilShortlyBeforeItExpires() throws Exception {
    answer(Scenario.STARTED, "second", "ghs_first", T0.plus(Duration.ofHours(1)));
    answer("second", "third", "ghs_second", T0.plus(Duration.ofHours(2)));
    SecretsManagerCredentials credentials = credentials(secret(appSecret(TestKeys.pkcs1Pem())));

    GitHubToken first = credentials.token();
    clock.advance(Duration.ofMinutes(54));
    GitHubToken stillFirst = credentials.token();
    clock.advance(Duration.ofMinutes(2));
    GitHubToken renewed = credentials.token();

    assertThat(first.reveal()).isEqualTo("ghs_first");
    assertThat(stillFirst.reveal()).isEqualTo("ghs_first");
    assertThat(renewed.reveal()).isEqualTo("ghs_second");
    assertThat(first.toString()).doesNotContain("ghs_first");
    List<LoggedRequest> requests = github.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(2);
    String jwt = requests.get(0).getHeader("Authorization").substring("Bearer ".length());
    assertThat(AppJwtTest.verified(jwt).path("iss").asText()).isEqualTo("777");
    assertThat(requests.get(0).getHeader("Accept")).isEqualTo("application/vnd.github+json");
  }

  @Test
  void aRefusedAppIsGitHubAuthFailedAndTheMessageHoldsNoSecret() throws Exception {
    github.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
    String pem = TestKeys.pkcs8Pem();
    SecretsManagerCredentials credentials = credentials(secret(appSecret(pem)));

    assertThatThrownBy(credentials::token)
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.GITHUB_AUTH_FAILED);
              assertThat(e.getMessage()).doesNotContain("Bearer").doesNotContain("eyJ");
              assertThat(pem).doesNotContain(e.getMessage());
            });
  }

  @Test
  void aTokenSecretIsUsedAsIsAndReReadOnlyAfterItsTtl() {
    String id = secret("{\"token\":\"ghp_one\"}");
    SecretsManagerCredentials credentials = credentials(id);

    assertThat(credentials.token().reveal()).isEqualTo("ghp_one");
    secrets.putSecretValue(b -> b.secretId(id).secretString("{\"token\":\"ghp_two\"}"));
    assertThat(credentials.token().reveal()).isEqualTo("ghp_one");
    clock.advance(SECRET_TTL);

    assertThat(credentials.token().reveal()).isEqualTo("ghp_two");
    assertThat(github.getAllServeEvents()).isEmpty();
  }

  @Test
  void aMissingSecretIsTokenMissing() {
    assertThatThrownBy(() -> credentials("github-none-" + UUID.randomUUID()).token())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TOKEN_MISSING));
  }
}
