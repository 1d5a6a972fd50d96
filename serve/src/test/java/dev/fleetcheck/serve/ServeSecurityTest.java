package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of docs/openapi.json over real HTTP: each protected route refuses a request without a
 * token (401), with a token the server cannot accept (401 {@code invalid_token}: bad signature,
 * another audience or issuer, expired, not yet valid, {@code alg: none}, HS256 keyed with the RSA
 * public key's bytes) and with a token lacking its scope or holding only other routes' scopes
 * (403); the right scope passes. No token ever reaches the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeSecurityTest {

  static final Set<String> SCOPES =
      Set.of("scans:read", "scans:write", "exports:create", "sweeps:admin");

  /** One documented route, with concrete values for its path parameters and a body. */
  record Call(String method, String path, String scope, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @TempDir static Path dir;
  private ServeFixture serve;
  private final List<String> tokensSent = new ArrayList<>();

  @BeforeAll
  void start() {
    serve = new ServeFixture(dir, Optional.empty(), 0, 1);
  }

  @AfterAll
  void stop() {
    try {
      String log = serve.printed();
      for (String token : tokensSent) {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(log.contains(token)).as("a token in the log").isFalse();
        assertThat(signature.length() > 16 && log.contains(signature))
            .as("a token's signature in the log")
            .isFalse();
      }
      assertThat(log).contains("security.audit");
    } finally {
      serve.close();
    }
  }

  static List<Call> protectedRoutes() {
    try {
      JsonNode paths =
          ServeFixture.JSON
              .readTree(Files.readString(Path.of("..", "docs", "openapi.json")))
              .path("paths");
      List<Call> calls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
          JsonNode security = operation.getValue().path("security");
          if (security.isEmpty()) {
            continue;
          }
          String scope = security.get(0).path("bearer").get(0).asText();
          String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
          calls.add(new Call(method, concrete(path.getKey()), scope, body(path.getKey(), method)));
        }
      }
      assertThat(calls).hasSizeGreaterThanOrEqualTo(11);
      return calls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String concrete(String template) {
    String path =
        template
            .replace("/v1/scans/{id}", "/v1/scans/" + ServeFixture.SCAN)
            .replace("/v1/sweeps/{id}", "/v1/sweeps/" + ServeFixture.SWEEP)
            .replace("/v1/exports/{id}", "/v1/exports/e-0123456789abcdef")
            .replace("/fleet/exports/{id}", "/fleet/exports/e-0123456789abcdef01234567")
            .replace("/fleet/rules/{id}", "/fleet/rules/PY-SEC-041")
            .replace("{repo}", "payments-api");
    return path.endsWith("/report")
        ? path + "?format=json"
        : path.equals("/v1/findings") ? path + "?rule=PY-SEC-041" : path;
  }

  private static String body(String template, String method) {
    if (!method.equals("POST")) {
      return null;
    }
    return switch (template) {
      case "/v1/scans" -> "{\"repository_url\":\"https://github.com/acme/new-repo.git\"}";
      case "/v1/exports" -> "{\"format\":\"csv\"}";
      default -> "{}";
    };
  }

  private HttpResponse<String> call(Call call, String token) {
    if (token != null) {
      tokensSent.add(token);
    }
    return serve.call(call.method(), call.path(), call.body(), token);
  }

  private static void assertInvalidToken(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate").orElse(""))
        .startsWith("Bearer ")
        .contains("error=\"invalid_token\"");
    assertErrorShape(response, "unauthenticated");
  }

  /** The JSON error shape, or for the fleet page's routes the error page with the same facts. */
  static void assertErrorShape(HttpResponse<String> response, String code) {
    if (response.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
      assertThat(response.body())
          .contains("<code id=\"error-code\">" + code + "</code>")
          .contains(
              "<code id=\"correlation-id\">"
                  + response.headers().firstValue("x-request-id").orElseThrow()
                  + "</code>")
          .doesNotContain("Exception");
      return;
    }
    JsonNode error = ServeFixture.json(response);
    assertThat(error.path("error_code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.has("details")).isTrue();
    assertThat(error.path("correlation_id").asText())
        .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void noTokenIs401WithTheBearerChallenge(Call call) {
    HttpResponse<String> response = call(call, null);

    if (call.method().equals("GET") && call.path().startsWith("/fleet")) {
      // A browser without a session is sent to the login form rather than shown the 401 page.
      assertThat(response.statusCode()).isEqualTo(303);
      assertThat(response.headers().firstValue("location")).contains("/login");
      return;
    }
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate").orElse("")).startsWith("Bearer");
    assertErrorShape(response, "unauthenticated");
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void theRightScopePassesTheServerAndThePolicy(Call call) {
    HttpResponse<String> response = call(call, serve.token(call.scope()));

    assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403, 429);
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void aTokenSignedByAnotherKeyIsRefused(Call call) {
    RSAKey other = ServeFixture.generate(); // same key ID, other key
    String token =
        ServeFixture.sign(other, JWSAlgorithm.RS256, ServeFixture.claims(call.scope(), b -> {}));

    assertInvalidToken(call(call, token));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void aTamperedPayloadIsRefused(Call call) {
    String good = serve.token("scans:read");
    String[] parts = good.split("\\.");
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ServeFixture.claims(String.join(" ", SCOPES), b -> {})
                    .toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertInvalidToken(call(call, parts[0] + "." + forged + "." + parts[2]));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void anotherAudienceIsRefused(Call call) {
    assertInvalidToken(call(call, serve.token(call.scope(), b -> b.audience("someone-else"))));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void anotherIssuerIsRefused(Call call) {
    assertInvalidToken(
        call(call, serve.token(call.scope(), b -> b.issuer("https://attacker.test/"))));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void anExpiredTokenIsRefusedBeyondTheSkew(Call call) {
    Instant past = Instant.now().minus(Duration.ofMinutes(5));
    assertInvalidToken(
        call(
            call,
            serve.token(
                call.scope(),
                b ->
                    b.issueTime(Date.from(past.minus(Duration.ofMinutes(10))))
                        .expirationTime(Date.from(past)))));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void aTokenNotYetValidIsRefused(Call call) {
    assertInvalidToken(
        call(
            call,
            serve.token(
                call.scope(),
                b -> b.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))))));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void anUnsignedAlgNoneTokenIsRefused(Call call) {
    String none = new PlainJWT(ServeFixture.claims(String.join(" ", SCOPES), b -> {})).serialize();

    assertInvalidToken(call(call, none));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void hs256KeyedWithTheRsaPublicKeyBytesIsRefused(Call call) throws JOSEException {
    JWTClaimsSet claims = ServeFixture.claims(String.join(" ", SCOPES), b -> {});
    byte[] publicBytes = serve.key.toRSAPublicKey().getEncoded();
    SignedJWT confused =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key").build(), claims);
    confused.sign(new MACSigner(publicBytes));

    assertInvalidToken(call(call, confused.serialize()));
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void aTokenWithoutScopesIs403(Call call) {
    HttpResponse<String> response = call(call, serve.token(null));

    assertThat(response.statusCode()).isEqualTo(403);
    assertErrorShape(response, "forbidden");
  }

  @ParameterizedTest
  @MethodSource("protectedRoutes")
  void everyOtherRoutesScopeIs403(Call call) {
    for (String other : SCOPES) {
      if (other.equals(call.scope())) {
        continue;
      }
      HttpResponse<String> response = call(call, serve.token(other));

      assertThat(response.statusCode()).as(other).isEqualTo(403);
      assertErrorShape(response, "forbidden");
    }
  }

  @Test
  void aMalformedAuthorizationHeaderIsRefused() {
    Function<String, HttpResponse<String>> with =
        value ->
            serve.send(serve.request("/v1/rules").header("Authorization", value).GET().build());

    assertInvalidToken(with.apply("Basic dXNlcjpwYXNz"));
    assertInvalidToken(with.apply("Bearer not-a-jwt"));
  }

  @Test
  void thePublicDocumentNeedsNoToken() {
    assertThat(serve.get("/v1/openapi.json", null).statusCode()).isEqualTo(200);
  }
}
