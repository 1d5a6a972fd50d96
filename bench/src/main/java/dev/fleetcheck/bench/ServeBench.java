package dev.fleetcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.fleetcheck.serve.ServeApp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code fleetcheck serve} under load: the server in-process over an embedded store seeded with
 * 10,000 repositories (written straight through the store), driven over loopback by concurrent
 * clients with a bounded number of requests across the read routes. Prints throughput, p50/p99 per
 * route and the error count; {@code GET /v1/openapi.json} (no store access) is the same-run
 * baseline of the HTTP and handler path. Target (issue 10): p99 under 50 ms for {@code GET
 * /v1/repos} with zero errors; reported, never asserted.
 */
public final class ServeBench {

  private static final int REPOSITORIES = 10_000;
  private static final int REQUESTS = 20_000;
  private static final int WARMUP = 1_000;
  private static final int CLIENTS = 8;
  private static final int TEAMS = 20;
  private static final String SWEEP = "sw-20261201T000000Z";
  private static final List<String> RULES =
      List.of("PY-SEC-041", "PY-TST-002", "PY-DOC-001", "PY-OBS-017", "PY-DEP-010");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("fleetcheck-serve-bench");
    try {
      run(dir.resolve("data"));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path data) throws Exception {
    long seedStart = System.nanoTime();
    seed(data);
    long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "serve: %,d repositories written through the store in %,d ms%n",
        REPOSITORIES,
        seedMillis);
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    // Rate limiting off: one loopback client address sends every request here.
    // The client's pool is shut down at the end: its threads would otherwise keep the JVM alive.
    ExecutorService clientPool = Executors.newFixedThreadPool(2);
    try (ServeApp app = ServeApp.onLoopback(data, 0, 1, discard, Clock.systemUTC())) {
      String token =
          ServeApp.localToken(data, Set.of("scans:read"), Duration.ofHours(1), Instant.now());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(TIMEOUT)
              .executor(clientPool)
              .build();
      List<Target> targets = targets(app.baseUri(), http, token);
      drive(http, token, targets, WARMUP, new Results());
      Results results = new Results();
      long start = System.nanoTime();
      drive(http, token, targets, REQUESTS, results);
      double seconds = (System.nanoTime() - start) / 1e9;
      print(results, seconds);
    } finally {
      clientPool.shutdownNow();
    }
  }

  private static void seed(Path data) {
    try (EmbeddedRuntime store =
        EmbeddedRuntime.open(
            data,
            Clock.systemUTC(),
            EmbeddedFleet.QueueSettings.defaults(),
            new FleetRuntime.Settings("bench-pack"),
            FailureLog.NONE)) {
      var ports = store.fleet().ports();
      ResultStore results = ports.results();
      Instant at = Instant.parse("2026-12-01T00:00:00Z");
      results.createSweep(new Sweep(SWEEP, at, REPOSITORIES, "bench-pack"));
      ports.reports().put("scans/bench", new JsonReportCodec().encode(SampleReports.mixed()));
      for (int i = 0; i < REPOSITORIES; i++) {
        String repo = repo(i);
        String scan = String.format(Locale.ROOT, "s-%016x", 0x1000_0000_0000L + i);
        List<FailingRule> failing = new ArrayList<>();
        for (int r = 0; r < RULES.size(); r++) {
          if ((i + r) % (r + 2) == 0) {
            failing.add(new FailingRule(RULES.get(r), Level.REQUIRED, 1, List.of()));
          }
        }
        results.putScan(
            new ScanRecord(
                scan,
                repo,
                String.format(Locale.ROOT, "team-%02d", i % TEAMS),
                "https://github.com/acme/" + repo + ".git",
                String.format(Locale.ROOT, "%040x", i),
                "bench-pack",
                SWEEP,
                at,
                new ScanOutcome.Succeeded(
                    (i * 37) % 100,
                    Map.of(Status.PASS, 10, Status.FAIL, failing.size()),
                    failing.stream().map(FailingRule::ruleId).toList(),
                    "scans/bench")),
            failing);
        results.recordSweepEntry(SweepEntry.done(SWEEP, repo, scan, at));
      }
    }
  }

  private static String repo(int i) {
    return String.format(Locale.ROOT, "repo-%05d", i);
  }

  /** One kind of request, by the route it exercises. */
  private record Target(String route, List<String> paths) {}

  private static List<Target> targets(URI base, HttpClient http, String token) throws Exception {
    HttpResponse<String> first = get(http, base.resolve("v1/repos?limit=50"), token);
    JsonNode page = new ObjectMapper().readTree(first.body());
    String cursor = page.path("next_cursor").asText();
    String scan = page.path("items").get(0).path("scan_id").asText();
    List<String> repos = new ArrayList<>();
    List<String> scans = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      repos.add("v1/repos/" + repo(i * 199 % REPOSITORIES) + "/scans");
      scans.add("v1/scans/" + String.format(Locale.ROOT, "s-%016x", 0x1000_0000_0000L + i * 7));
    }
    if (!scan.startsWith("s-")) {
      throw new IllegalStateException("the first page holds no scan: " + first.body());
    }
    List<String> listings =
        List.of(
            "v1/repos?limit=50",
            "v1/repos?limit=50&team=team-07",
            "v1/repos?limit=50&band=weak",
            "v1/repos?limit=50&rule=PY-SEC-041",
            "v1/repos?limit=50&team=team-03&band=critical",
            "v1/repos?limit=50&cursor=" + java.net.URLEncoder.encode(cursor, "UTF-8"));
    return List.of(
            new Target("GET /v1/repos (paged, filters)", listings),
            new Target("GET /v1/repos/{repo}/scans", repos),
            new Target("GET /v1/findings?rule=", List.of("v1/findings?rule=PY-TST-002&limit=50")),
            new Target("GET /v1/rules", List.of("v1/rules")),
            new Target("GET /v1/scans/{id}", scans),
            new Target("GET /v1/openapi.json (baseline)", List.of("v1/openapi.json")))
        .stream()
        .map(
            t ->
                new Target(
                    t.route(), t.paths().stream().map(p -> base.resolve(p).toString()).toList()))
        .toList();
  }

  private static final class Results {
    final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    void record(String route, long took, boolean ok, String detail) {
      nanos.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(took);
      errors.computeIfAbsent(route, r -> new AtomicInteger());
      if (!ok) {
        errors.get(route).incrementAndGet();
        if (firstErrors.size() < 3) {
          firstErrors.add(route + ": " + detail);
        }
      }
    }
  }

  private static void drive(
      HttpClient http, String token, List<Target> targets, int requests, Results results)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                    Target target = targets.get(n % targets.size());
                    String url = target.paths().get((n / targets.size()) % target.paths().size());
                    long start = System.nanoTime();
                    String detail = "";
                    boolean ok;
                    try {
                      HttpResponse<String> response = get(http, URI.create(url), token);
                      ok = response.statusCode() == 200;
                      detail = response.statusCode() + " " + abbreviate(response.body());
                    } catch (IOException e) {
                      ok = false;
                      detail = e.getClass().getSimpleName();
                    }
                    results.record(target.route(), System.nanoTime() - start, ok, detail);
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get(10, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "..." : body;
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token)
      throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void print(Results results, double seconds) {
    int total = results.nanos.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
    int errors = results.errors.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.printf(
        Locale.ROOT,
        "serve: %,d requests (after %,d warm-up) from %d concurrent loopback clients over %,d"
            + " repositories, rate limiting off: %.1f s, %,.0f requests/s, %d errors%n",
        total,
        WARMUP,
        CLIENTS,
        REPOSITORIES,
        seconds,
        total / seconds,
        errors);
    Map<String, long[]> sorted = new LinkedHashMap<>();
    results.nanos.forEach(
        (route, took) -> {
          long[] values = took.stream().mapToLong(Long::longValue).toArray();
          Arrays.sort(values);
          sorted.put(route, values);
        });
    sorted.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-34s %6d requests  p50 %6.1f ms  p99 %6.1f ms  errors %d%n",
                    e.getKey(),
                    e.getValue().length,
                    percentile(e.getValue(), 0.50),
                    percentile(e.getValue(), 0.99),
                    results.errors.get(e.getKey()).get()));
    System.out.println(
        "  target (issue 10): GET /v1/repos p99 < 50 ms and zero errors (reported, not asserted)");
    results.firstErrors.forEach(error -> System.out.println("  first errors: " + error));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
