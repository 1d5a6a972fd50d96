package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.cli.sweep.JobTimeouts;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} runs what it accepts: a scan requested over HTTP is cloned from a loopback git
 * server and scanned by the server's own workers, a sweep launched over HTTP runs over the
 * configured inventory, and a shutdown with a scan in hand loses no job.
 */
class ServeWorkTest {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Set<String> SCOPES = Set.of("scans:read", "scans:write", "sweeps:admin");

  @TempDir Path dir;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final List<AutoCloseable> open = new ArrayList<>();
  private LoopbackGitServer git;
  private Path data;

  @BeforeEach
  void fleet() {
    data = dir.resolve("data");
    for (String name : List.of("alpha", "beta", "gamma")) {
      FixtureRepo.in(dir.resolve("served").resolve(name))
          .python()
          .file("src/" + name + "/__init__.py", "VALUE = 1\n")
          .file("README.md", "# " + name + "\n")
          .git()
          .build();
    }
    git = LoopbackGitServer.serve(dir.resolve("served"));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    git.close();
  }

  @Test
  void aScanRequestedThroughServeCompletesAndItsReportIsServed() {
    ServeApp app = start(Optional.empty(), GitFetchers.jgit(Map.of()));
    String token = token();

    HttpResponse<String> accepted = post(app, "/v1/scans", scanBody("alpha"), token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String history = accepted.headers().firstValue("Location").orElseThrow();

    JsonNode scan = awaitScan(app, history, token);
    assertThat(scan.path("status").asText()).as(scan.toString()).isEqualTo("succeeded");
    String scanId = scan.path("scan_id").asText();
    HttpResponse<String> details = get(app, "/v1/scans/" + scanId, token);
    HttpResponse<String> report = get(app, "/v1/scans/" + scanId + "/report", token);
    assertThat(details.statusCode()).isEqualTo(200);
    assertThat(json(details.body()).path("repository").asText()).isEqualTo("alpha");
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("alpha");
  }

  @Test
  void aSweepLaunchedThroughServeRunsOverTheInventoryToCompletion() throws IOException {
    Path inventory = dir.resolve("fleet.yaml");
    StringBuilder yaml = new StringBuilder("repositories:\n");
    // "missing" is not served: its scan fails and the sweep still completes.
    for (String name : List.of("alpha", "beta", "gamma", "missing")) {
      yaml.append("  - name: ").append(name).append('\n');
      yaml.append("    url: \"").append(git.url(name)).append("\"\n");
      yaml.append("    team: core\n");
    }
    Files.writeString(inventory, yaml.toString());
    ServeApp app = start(Optional.of(inventory), GitFetchers.jgit(Map.of()));
    String token = token();

    HttpResponse<String> accepted =
        post(app, "/v1/sweeps", "{\"sweep_id\":\"sw-serve-test\"}", token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    JsonNode sweep =
        await(
            () -> json(get(app, "/v1/sweeps/sw-serve-test", token).body()),
            s -> s.path("complete").asBoolean());
    assertThat(sweep.path("expected").asInt()).isEqualTo(4);
    assertThat(sweep.path("done").asInt()).as(sweep.toString()).isEqualTo(3);
    assertThat(sweep.path("failed").asInt()).isEqualTo(1);
    assertThat(sweep.toString()).contains("missing");
  }

  @Test
  void withoutAnInventoryASweepRequestSaysWhatToConfigure() {
    ServeApp app = start(Optional.empty(), RepoFetcherFactory.none());

    HttpResponse<String> refused = post(app, "/v1/sweeps", "{}", token());

    assertThat(refused.statusCode()).isEqualTo(500);
    JsonNode body = json(refused.body());
    assertThat(body.path("error_code").asText()).isEqualTo("invalid_config");
    assertThat(body.toString()).doesNotContain("at dev.fleetcheck");
    // A 5xx body stays generic (the API's rule); the operator reads what to set in the log.
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("\"error_code\":\"invalid_config\"")
        .contains("--inventory FILE, FLEETCHECK_INVENTORY or inventory in the config file");
  }

  @Test
  void aShutdownWithAScanInHandLosesNoJob() throws Exception {
    CountDownLatch inHand = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RepoFetcherFactory real = GitFetchers.jgit(Map.of());
    RepoFetcherFactory gated =
        () -> {
          RepoFetcher fetcher = real.create();
          return repo -> {
            inHand.countDown();
            awaitLatch(release);
            return fetcher.fetch(repo);
          };
        };
    ServeApp first = start(Optional.empty(), gated, 1);
    String token = token();
    assertThat(post(first, "/v1/scans", scanBody("alpha"), token).statusCode()).isEqualTo(202);
    assertThat(post(first, "/v1/scans", scanBody("beta"), token).statusCode()).isEqualTo(202);
    assertThat(inHand.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Thread closing = new Thread(first::close, "test-close-serve");
    closing.start();
    release.countDown();
    closing.join(DEADLINE.toMillis());
    assertThat(closing.isAlive()).as("serve closed").isFalse();

    ServeApp second = start(Optional.empty(), real, 1);
    for (String name : List.of("alpha", "beta")) {
      JsonNode scan = awaitScan(second, "/v1/repos/" + name + "/scans", token);
      assertThat(scan.path("status").asText()).as(scan.toString()).isEqualTo("succeeded");
    }
  }

  private ServeApp start(Optional<Path> inventory, RepoFetcherFactory fetchers) {
    return start(inventory, fetchers, 2);
  }

  private ServeApp start(Optional<Path> inventory, RepoFetcherFactory fetchers, int workers) {
    ServeConfig config =
        new ServeConfig(
            data,
            new ServerOptions(InetAddress.getLoopbackAddress(), 0, 4, 0, 1),
            Optional.empty(),
            LocalSigningKey.DEFAULT_ISSUER,
            LocalSigningKey.DEFAULT_AUDIENCE,
            JwtValidator.algorithms(ServeConfig.DEFAULT_ALGORITHMS),
            ServeConfig.DEFAULT_SKEW,
            dir,
            new ServeWork(workers, JobTimeouts.DEFAULT_SCAN, inventory));
    ServeApp app =
        ServeApp.start(
            config,
            fetchers,
            new PrintStream(log, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    open.add(app);
    return app;
  }

  private String token() {
    return ServeApp.localToken(data, SCOPES, Duration.ofMinutes(10), Instant.now());
  }

  private String scanBody(String name) {
    return "{\"repository_url\":\"" + git.url(name) + "\"}";
  }

  /** The newest scan of the repository history {@code path} lists, once there is one. */
  private JsonNode awaitScan(ServeApp app, String path, String token) {
    JsonNode list =
        await(() -> json(get(app, path, token).body()), l -> l.path("items").size() > 0);
    return list.path("items").get(0);
  }

  private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + DEADLINE + ": " + last);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      last = read.get();
    }
    return last;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the fetch");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(ServeApp app, String path, String token) {
    return new ServeFixtureClient(app).get(path, token);
  }

  private static HttpResponse<String> post(ServeApp app, String path, String body, String token) {
    return new ServeFixtureClient(app).post(path, body, token);
  }

  private static JsonNode json(String body) {
    try {
      return ServeFixture.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
