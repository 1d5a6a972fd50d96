package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetcheck token} mints a token on stdout with a key it keeps owner-only, which {@code
 * serve} without {@code --jwks} accepts; settings follow flags > environment > file > defaults.
 */
class TokenCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ServeMain.Host host =
        new ServeMain.Host(
            env,
            dir,
            dir.resolve("home"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            new CountDownLatch(0));
    int exit = ServeMain.run(host, args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMintedTokenIsAcceptedByServeWithTheLocalKeyWhichOnlyItsOwnerCanRead() throws Exception {
    Path data = dir.resolve("data");
    Run minted =
        run(
            Map.of(),
            "token",
            "--scopes",
            "scans:read",
            "--data-dir",
            data.toString(),
            "--ttl",
            "5m");

    assertThat(minted.exit()).as(minted.err()).isZero();
    String token = minted.out().strip();
    assertThat(token.split("\\.")).hasSize(3);
    assertThat(minted.err()).doesNotContain(token);
    Path key = LocalSigningKey.file(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
        .isEqualTo("rwx------");

    ServeConfig config =
        ServeConfig.resolve(
            Map.of(),
            dir,
            dir.resolve("home"),
            Map.of(Setting.DATA_DIR, data.toString(), Setting.PORT, "0", Setting.RATE_LIMIT, "0"),
            Optional.empty());
    assertThat(config.jwks()).isEmpty();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (ServeApp app =
        ServeApp.start(
            config,
            RepoFetcherFactory.none(),
            new PrintStream(log, true, StandardCharsets.UTF_8),
            Clock.systemUTC())) {
      ServeFixtureClient client = new ServeFixtureClient(app);
      HttpResponse<String> rules = client.get("/v1/rules", token);
      HttpResponse<String> repos = client.get("/v1/repos", "x" + token);
      assertThat(rules.statusCode()).isEqualTo(200);
      assertThat(repos.statusCode()).isEqualTo(401);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(token);
  }

  @Test
  void anUnknownScopeOrAnOverlongLifetimeIsAUsageError() {
    Run unknown = run(Map.of(), "token", "--scopes", "admin", "--data-dir", dir.toString());
    Run tooLong =
        run(
            Map.of(),
            "token",
            "--scopes",
            "scans:read",
            "--ttl",
            "48h",
            "--data-dir",
            dir.toString());

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).contains("invalid_argument").contains("unknown scope");
    assertThat(tooLong.exit()).isEqualTo(2);
    assertThat(tooLong.out()).isEmpty();
  }

  @Test
  void serveSettingsFollowFlagsThenEnvironmentThenFileThenDefaults() throws Exception {
    Path file = dir.resolve("fleetcheck.toml");
    Files.writeString(file, "port = 7001\nrate_limit = 5\nclock_skew = \"30s\"\n");
    Map<String, String> env = Map.of("FLEETCHECK_PORT", "7002", "FLEETCHECK_RATE_LIMIT", "7");

    ServeConfig flagged =
        ServeConfig.resolve(env, dir, dir, Map.of(Setting.PORT, "7003"), Optional.of(file));
    ServeConfig fromEnv = ServeConfig.resolve(env, dir, dir, Map.of(), Optional.of(file));
    ServeConfig fromFile = ServeConfig.resolve(Map.of(), dir, dir, Map.of(), Optional.of(file));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    ServeConfig defaults =
        ServeConfig.resolve(Map.of(), elsewhere, elsewhere, Map.of(), Optional.empty());

    assertThat(flagged.server().port()).isEqualTo(7003);
    assertThat(fromEnv.server().port()).isEqualTo(7002);
    assertThat(fromEnv.server().ratePerSecond()).isEqualTo(7);
    assertThat(fromFile.server().port()).isEqualTo(7001);
    assertThat(fromFile.skew()).hasSeconds(30);
    assertThat(defaults.server().port()).isEqualTo(8080);
    assertThat(defaults.server().bind()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(defaults.issuer()).isEqualTo(LocalSigningKey.DEFAULT_ISSUER);
    assertThat(defaults.audience()).isEqualTo(LocalSigningKey.DEFAULT_AUDIENCE);
  }

  @Test
  void aJwksWithoutIssuerAndAudienceOrAnHmacAlgorithmIsRefused() {
    Run noIssuer = run(Map.of(), "serve", "--jwks", "keys.json", "--data-dir", dir.toString());
    Run hmac = run(Map.of(), "serve", "--jwt-algorithms", "HS256", "--data-dir", dir.toString());
    Run skew = run(Map.of(), "serve", "--clock-skew", "1h", "--data-dir", dir.toString());

    assertThat(noIssuer.exit()).isEqualTo(2);
    assertThat(noIssuer.err()).contains("invalid_config").contains("--issuer");
    assertThat(hmac.exit()).isEqualTo(2);
    assertThat(hmac.err()).contains("--jwt-algorithms");
    assertThat(skew.exit()).isEqualTo(2);
    assertThat(skew.err()).contains("--clock-skew");
  }
}
