package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page in headless Chromium over HTTP: filter, open a repository's history, ask for an
 * export and download it; the screenshot stays in target/e2e-artifacts/. Skipped where Chromium is
 * not installed, except under CI=true (.ci/run installs it).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetPageBrowserTest {

  private static final Path ARTIFACTS = Path.of("target", "e2e-artifacts");

  @TempDir static Path work;
  private LoopbackPageServer server;
  private HeadlessChromium chromium;

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
    server = new LoopbackPageServer(work.resolve("store"), "scans:read exports:create");
    server.api.scan("search-api", "search", 95.0);
    server.api.scan("search-indexer", "search", 45.0, "PY-QG-001");
    server.api.scan("billing", "payments", 62.0, "PY-QG-001", "PY-SEC-041");
    chromium = HeadlessChromium.start(Files.createDirectories(work.resolve("browser")));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
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
  void filterOpenAHistoryAndDownloadAnExport() throws Exception {
    HeadlessChromium.Tab tab = chromium.open();
    Path downloads = Files.createDirectories(work.resolve("downloads"));
    chromium.downloadsTo(downloads);

    tab.go(server.base.resolve("/fleet").toString());
    assertThat(rows(tab))
        .containsExactly("billing", "payments-api", "search-api", "search-indexer");
    assertThat(tab.eval("getComputedStyle(document.body).fontFamily").asText())
        .as("the style sheet the CSP allows by its hash applies")
        .contains("system-ui");

    tab.navigating(
        () ->
            tab.eval(
                "document.querySelector('#filters input[name=team]').value = 'search';"
                    + " document.querySelector('#filters').requestSubmit()"));
    assertThat(tab.url()).endsWith("/fleet?team=search&band=&rule=");
    assertThat(rows(tab)).containsExactly("search-api", "search-indexer");

    tab.navigating(
        () ->
            tab.eval("document.querySelector('a[href=\"/fleet/repos/search-indexer\"]').click()"));
    assertThat(tab.url()).endsWith("/fleet/repos/search-indexer");
    assertThat(tab.text())
        .contains("History")
        .contains("PY-QG-001")
        .contains("evidence of PY-QG-001");

    tab.go(server.base.resolve("/fleet?team=search").toString());
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
            e -> e.path("method").asText().equals("Browser.downloadWillBegin"), "download");
    String guid = begun.path("params").path("guid").asText();
    chromium.event(
        e ->
            e.path("method").asText().equals("Browser.downloadProgress")
                && e.path("params").path("guid").asText().equals(guid)
                && e.path("params").path("state").asText().equals("completed"),
        "download completed");
    String csv = Files.readString(downloads.resolve(guid), StandardCharsets.UTF_8);
    assertThat(csv).contains("search-api").contains("search-indexer").doesNotContain("billing");

    tab.go(server.base.resolve("/fleet?team=search").toString());
    Files.createDirectories(ARTIFACTS);
    Path screenshot = ARTIFACTS.resolve("fleet-page.png");
    Files.write(screenshot, tab.screenshot());
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }
}
