package dev.fleetcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.core.report.JsonReportCodec;
import dev.fleetcheck.core.report.SampleReports;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code fleetcheck serve} on a free loopback port over a test data dir seeded with one sweep of
 * two repositories, trusting a test RSA key's JWKS (a file, or a URL given by the test); every
 * request goes over real HTTP with bounded timeouts.
 */
final class ServeFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ISSUER = "https://issuer.test/";
  static final String AUDIENCE = "fleetcheck-test";
  static final String SWEEP = "sw-20261207T030000Z";
  static final String SCAN = "s-4f1c2a9d7b3e8a60";
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  final RSAKey key;
  final MutableClock clock = new MutableClock(Instant.now());
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final ServeApp app;
  final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * @param jwks the JWKS location; empty: a file holding {@link #key}'s public half
   */
  ServeFixture(Path dir, Optional<String> jwks, double rate, int burst) {
    this(dir, generate(), jwks, rate, burst);
  }

  ServeFixture(Path dir, RSAKey key, Optional<String> jwks, double rate, int burst) {
    this.key = key;
    Path data = dir.resolve("data");
    seed(data);
    String location = jwks.orElseGet(() -> writeJwks(dir.resolve("jwks.json"), key));
    ServeConfig config =
        new ServeConfig(
            data,
            new ServerOptions(InetAddress.getLoopbackAddress(), 0, 4, rate, burst),
            Optional.of(location),
            ISSUER,
            AUDIENCE,
            JwtValidator.algorithms(ServeConfig.DEFAULT_ALGORITHMS),
            ServeConfig.DEFAULT_SKEW,
            dir,
            ServeWork.defaults());
    // No network in unit tests: a queued scan of a github.com URL fails with clone_failed.
    app =
        ServeApp.start(
            config,
            RepoFetcherFactory.none(),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            clock);
  }

  static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID("test-key")
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String writeJwks(Path file, RSAKey key) {
    try {
      Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  private void seed(Path data) {
    try (EmbeddedRuntime store =
        EmbeddedRuntime.open(
            data,
            clock,
            EmbeddedFleet.QueueSettings.defaults(),
            new FleetRuntime.Settings("test-pack"),
            FailureLog.NONE)) {
      var ports = store.fleet().ports();
      ResultStore results = ports.results();
      Instant at = clock.instant();
      results.createSweep(new Sweep(SWEEP, at, 2, "test-pack"));
      ports.reports().put("scans/x", new JsonReportCodec().encode(SampleReports.mixed()));
      results.putScan(
          new ScanRecord(
              SCAN,
              "payments-api",
              "payments",
              "https://github.com/acme/payments-api.git",
              "a".repeat(40),
              "test-pack",
              SWEEP,
              at,
              new ScanOutcome.Succeeded(
                  60.0, Map.of(Status.PASS, 7, Status.FAIL, 3), List.of("PY-SEC-041"), "scans/x")),
          List.of(new FailingRule("PY-SEC-041", Level.REQUIRED, 1, List.of())));
      results.recordSweepEntry(SweepEntry.done(SWEEP, "payments-api", SCAN, at));
      results.recordSweepEntry(
          SweepEntry.failed(SWEEP, "legacy-scripts", "s-failed", ErrorCode.REPO_NOT_FOUND, at));
    }
  }

  /** A token of {@link #key} for the right issuer and audience, valid 10 minutes, then tweaked. */
  String token(String scope, Consumer<JWTClaimsSet.Builder> tweak) {
    return sign(key, JWSAlgorithm.RS256, claims(scope, tweak));
  }

  String token(String scope) {
    return token(scope, b -> {});
  }

  static JWTClaimsSet claims(String scope, Consumer<JWTClaimsSet.Builder> tweak) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject("tester")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    if (scope != null) {
      builder.claim("scope", scope);
    }
    tweak.accept(builder);
    return builder.build();
  }

  static String sign(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  URI uri(String pathAndQuery) {
    return app.baseUri().resolve(pathAndQuery.substring(1));
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery, String token) {
    HttpRequest.Builder builder = request(pathAndQuery).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  HttpResponse<String> call(String method, String pathAndQuery, String body, String token) {
    HttpRequest.Builder builder =
        request(pathAndQuery)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    app.close();
  }
}
