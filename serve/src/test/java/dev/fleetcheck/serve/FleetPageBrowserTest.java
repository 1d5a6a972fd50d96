package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page end to end: {@code fleetcheck serve} on a free loopback port over a data dir this
 * test fills, a token minted by {@code fleetcheck token --scopes}, and headless Chromium driven
 * over the DevTools protocol signing in through the login form, filtering, opening a repository's
 * history, asking for an export and downloading it. The screenshot stays in
 * serve/target/e2e-artifacts/. Skipped where Chromium is not installed, except under CI=true
 * (.ci/run installs it).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetPageBrowserTest {

  private static final Path ARTIFACTS = Path.of("target", "e2e-artifacts");
  private static final String SWEEP = "sw-20261207T030000Z";

  @TempDir static Path work;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private ServeApp serve;
  private HeadlessChromium chromium;
  private String token;

  @BeforeAll
  void start() throws Exception {
    boolean installed = Files.isExecutable(HeadlessChromium.BINARY);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but /usr/bin/chromium is missing (.ci/run installs it)");
    }
    Assumptions.assumeTrue(
        installed,
        "headless Chromium is not installed at /usr/bin/chromium (apt-get install chromium);"
            + " the fleet page browser test is skipped");
    Path data = work.resolve("data");
    fill(data);
    token = mint(data, "scans:read,exports:create");
    serve =
        ServeApp.onLoopback(
            data, 0, 1, new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC());
    chromium = HeadlessChromium.start(Files.createDirectories(work.resolve("browser")));
  }

  @AfterAll
  void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (serve != null) {
        serve.close();
      }
    }
  }

  /** One sweep of four repositories in two teams, each scan failing the rules given. */
  private static void fill(Path data) {
    try (EmbeddedRuntime store =
        EmbeddedRuntime.open(
            data,
            Clock.systemUTC(),
            EmbeddedFleet.QueueSettings.defaults(),
            new FleetRuntime.Settings("test-pack"),
            FailureLog.NONE)) {
      var ports = store.fleet().ports();
      ResultStore results = ports.results();
      Instant at = Instant.parse("2026-12-07T03:05:00Z");
      results.createSweep(new Sweep(SWEEP, at, 4, "test-pack"));
      ports.reports().put("scans/x", new JsonReportCodec().encode(SampleReports.mixed()));
      Object[][] fleet = {
        {"billing", "payments", 62.0, List.of("PY-QG-001", "PY-SEC-041")},
        {"payments-api", "payments", 81.0, List.of("PY-SEC-041")},
        {"search-api", "search", 95.0, List.<String>of()},
        {"search-indexer", "search", 45.0, List.of("PY-QG-001")}
      };
      int n = 0;
      for (Object[] repository : fleet) {
        String name = (String) repository[0];
        @SuppressWarnings("unchecked")
        List<String> rules = (List<String>) repository[3];
        String id = String.format("s-%016x", ++n);
        List<FailingRule> failing = new ArrayList<>();
        for (String rule : rules) {
          failing.add(
              new FailingRule(
                  rule,
                  Level.REQUIRED,
                  1,
                  List.of(
                      new Finding(
                          "f-" + rule, "app/settings.py", 12, "evidence of " + rule, at, id))));
        }
        results.putScan(
            new ScanRecord(
                id,
                name,
                (String) repository[1],
                "https://example.test/" + name + ".git",
                "c".repeat(40),
                "test-pack",
                SWEEP,
                at.plusSeconds(n),
                new ScanOutcome.Succeeded(
                    (Double) repository[2], Map.of(Status.FAIL, rules.size()), rules, "scans/x")),
            failing);
        results.recordSweepEntry(SweepEntry.done(SWEEP, name, id, at.plusSeconds(n)));
      }
    }
  }

  /** {@code fleetcheck token --scopes ... --data-dir DATA}, in process. */
  private static String mint(Path data, String scopes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ServeMain.run(
            new ServeMain.Host(
                Map.of(),
                work,
                work.resolve("home"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                new CountDownLatch(0)),
            "token",
            "--scopes",
            scopes,
            "--data-dir",
            data.toString(),
            "--ttl",
            "10m");
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  private String at(String path) {
    return serve.baseUri().resolve(path.substring(1)).toString();
  }

  private static List<String> rows(HeadlessChromium.Tab tab) throws Exception {
    List<String> names = new ArrayList<>();
    tab.eval(
            "Array.from(document.querySelectorAll('#repository-table tbody th a'))"
                + ".map(a => a.textContent)")
        .forEach(n -> names.add(n.asText()));
    return names;
  }

  @Test
  void signInFilterOpenAHistoryAndDownloadAnExport() throws Exception {
    HeadlessChromium.Tab tab = chromium.open();
    Path downloads = Files.createDirectories(work.resolve("downloads"));
    chromium.downloadsTo(downloads);

    tab.go(at("/fleet"));
    assertThat(tab.url())
        .as("without a session the page sends the browser to sign in")
        .isEqualTo(at("/login"));

    tab.navigating(
        () ->
            tab.eval(
                "document.getElementById('token').value = '"
                    + token
                    + "'; document.querySelector('form[action=\"/login\"]').requestSubmit()"));
    assertThat(tab.url()).isEqualTo(at("/fleet"));
    assertThat(rows(tab))
        .containsExactly("billing", "payments-api", "search-api", "search-indexer");
    assertThat(tab.eval("getComputedStyle(document.body).fontFamily").asText())
        .as("the style sheet the CSP allows by its hash applies")
        .contains("system-ui");

    tab.navigating(
        () ->
            tab.eval(
                "document.querySelector('#filters input[name=team]').value = 'search';"
                    + " document.querySelector('#filters select[name=band]').value = 'critical';"
                    + " document.querySelector('#filters').requestSubmit()"));
    assertThat(tab.url()).endsWith("/fleet?team=search&band=critical&rule=");
    assertThat(rows(tab)).containsExactly("search-indexer");

    tab.navigating(
        () -> tab.eval("document.querySelector('#repository-table tbody th a').click()"));
    assertThat(tab.url()).isEqualTo(at("/fleet/repos/search-indexer"));
    assertThat(tab.text())
        .contains("History")
        .contains("s-0000000000000004")
        .contains("evidence of PY-QG-001");

    tab.go(at("/fleet?team=payments"));
    tab.navigating(
        () ->
            tab.eval(
                "document.querySelector('#export select[name=format]').value = 'csv';"
                    + " document.querySelector('#export').requestSubmit()"));
    assertThat(tab.url()).matches(".*/fleet/exports/e-[0-9a-f]{24}");
    chromium.drain();
    tab.eval("document.getElementById('download').click()");
    JsonNode begun =
        chromium.event(
            e -> e.path("method").asText().equals("Browser.downloadWillBegin"), "a download");
    String guid = begun.path("params").path("guid").asText();
    chromium.event(
        e ->
            e.path("method").asText().equals("Browser.downloadProgress")
                && e.path("params").path("guid").asText().equals(guid)
                && e.path("params").path("state").asText().equals("completed"),
        "the download to complete");
    String csv = Files.readString(downloads.resolve(guid), StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("sweep_id,repository,team")
        .contains("billing")
        .contains("payments-api")
        .doesNotContain("search-");

    tab.go(at("/fleet?team=search"));
    Files.createDirectories(ARTIFACTS);
    Path screenshot = ARTIFACTS.resolve("fleet-page.png");
    Files.write(screenshot, tab.screenshot());
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(token);
  }
}
