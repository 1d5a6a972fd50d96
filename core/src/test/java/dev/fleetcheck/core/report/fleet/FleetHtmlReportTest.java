package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.FixtureFleet.HOSTILE_NAME;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.HOSTILE_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingStatus;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetHtmlReportTest {

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>");
  private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link");

  @TempDir Path work;

  private FleetReportData data;
  private String html;

  @BeforeEach
  void render() {
    data = FixtureFleet.twoSweeps(work.resolve("a")).assembler().assemble(Optional.empty());
    html = new FleetHtmlReport().render(data);
  }

  @Test
  void hasEverySectionInOrderAndEachTagClosed() {
    int previous = -1;
    for (String section : FleetHtmlReport.SECTIONS) {
      int at = html.indexOf("<section id=\"" + section + "\"");
      assertThat(at).as(section).isGreaterThan(previous);
      assertThat(html).contains("<a href=\"#" + section + "\">");
      previous = at;
    }
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(unbalancedTags(html)).isEmpty();
  }

  @Test
  void showsTheFleetFigures() {
    assertThat(html)
        .contains("<dt>Repositories expected</dt><dd>6</dd>")
        .contains("<dt>Scanned</dt><dd>5</dd>")
        .contains("<dt>Scans failed</dt><dd>1</dd>")
        .contains("<dt>Mean score</dt><dd>53.3</dd>")
        .contains("<dt>New findings</dt><dd>2</dd>")
        .contains("<dt>Findings still open</dt><dd>4</dd>");
    // Every scanned repository gets a detail block; the failed scan is a row of the summary.
    assertThat(count(html, "<article class=\"repository\"")).isEqualTo(5);
    assertThat(html)
        .contains("<tr><th scope=\"row\"><code>repo_not_found</code></th><td class=\"num\">1</td>")
        .contains("<tr><th scope=\"row\">echo</th><td>(no team)</td><td><code>repo_not_found");
    assertThat(html).doesNotContain("class=\"more\" data-hidden");
    assertThat(count(html, "<span class=\"badge status-new\">new</span>")).isEqualTo(2);
    assertThat(count(html, "<span class=\"badge status-still_open\">still open</span>"))
        .isEqualTo(4);
    assertThat(count(html, "new failure since the last sweep")).isEqualTo(2);
    assertThat(html).contains("Remediation:</strong> Remove the marker file.");
  }

  @Test
  void drawsBothChartsAsInlineSvgWithTextLabels() {
    assertThat(count(html, "<svg class=\"chart\" role=\"img\"")).isEqualTo(2);
    String scoreChart = between(html, "<section id=\"score-distribution\"", "</svg>");
    assertThat(count(scoreChart, "<rect class=\"bar")).isEqualTo(10);
    assertThat(scoreChart).contains(">90-100</text>").contains("<title id=\"score-chart-title\">");
    String rateChart = between(html, "<section id=\"pass-rates\"", "</svg>");
    assertThat(count(rateChart, "<rect class=\"bar")).isEqualTo(3);
    assertThat(rateChart).contains(">40.0% (2 of 5)</text>").contains(">PY-QR-003</text>");
  }

  @Test
  void pointsAtNothingOutsideTheFile() {
    assertThat(html)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("//")
        .doesNotContain("url(")
        .doesNotContain("src=\"")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("@import");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
  }

  @Test
  void escapesHostileNamesTeamsEvidenceAndPaths() {
    assertThat(html).doesNotContain(HOSTILE_NAME).doesNotContain(HOSTILE_TEAM);
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;&#47;script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;");

    FleetReportData hostile =
        withRepository(
            data,
            new RepositoryResult.Scanned(
                "zulu\"><svg onload=alert(1)>",
                "</td><script>",
                "https://git.example/zulu",
                "s-zulu",
                "c0ffee",
                Instant.parse("2026-06-02T10:00:00Z"),
                10.0,
                ScoreBand.CRITICAL,
                List.of(
                    new FailedRule(
                        FixtureFleet.RULE_A,
                        Level.REQUIRED,
                        7,
                        List.of(
                            new FindingDetail(
                                "fp-1",
                                "<script>x</script>.py",
                                3,
                                "loads https://evil.example/a.js & <iframe src=//evil>",
                                Instant.parse("2026-06-02T10:00:00Z"),
                                FindingStatus.NEW)),
                        true))));
    String page = new FleetHtmlReport().render(hostile);

    assertThat(page)
        .doesNotContain("<svg onload")
        .doesNotContain("<iframe")
        .doesNotContain("https://")
        .doesNotContain("</td><script>")
        .doesNotContain("<script>x");
    assertThat(page)
        .contains(
            "loads https:&#47;&#47;evil.example&#47;a.js &amp; &lt;iframe src=&#47;&#47;evil&gt;")
        .contains("zulu&quot;&gt;&lt;svg onload=alert(1)&gt;")
        .contains("6 more findings in the repository's full report");
    assertThat(unbalancedTags(page)).isEmpty();
  }

  @Test
  void theSameDataRendersByteIdenticalOutput() {
    FleetReportData rebuilt =
        FixtureFleet.twoSweeps(work.resolve("b")).assembler().assemble(Optional.empty());

    assertThat(rebuilt).isEqualTo(data);
    assertThat(new FleetHtmlReport().render(rebuilt)).isEqualTo(html);
  }

  @Test
  void groupsTheChangesByRule() {
    String changes = between(html, "<section id=\"changes\"", "</section>");

    // Sweep two: delta newly fails A, alpha fixed A and newly fails B.
    assertThat(changes)
        .contains(
            "<tr><th scope=\"row\"><code>PY-QR-003</code></th><td>"
                + title(FixtureFleet.RULE_A)
                + "</td>"
                + "<td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                + "<td><a href=\"#repo-")
        .contains(
            "<tr><th scope=\"row\"><code>PY-OBS-012</code></th><td>"
                + title(FixtureFleet.RULE_B)
                + "</td>"
                + "<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>")
        .doesNotContain("PY-LCL-023");
    assertThat(count(changes, "<tr><th scope=\"row\">")).isEqualTo(2);
  }

  @Test
  void listsDetailBlocksLowestScoreFirst() {
    String details = between(html, "<section id=\"repositories\"", "</section>");
    List<String> order =
        data.repositories().stream()
            .filter(RepositoryResult.Scanned.class::isInstance)
            .map(RepositoryResult.Scanned.class::cast)
            .sorted(
                java.util.Comparator.comparingDouble(RepositoryResult.Scanned::score)
                    .thenComparing(RepositoryResult.Scanned::name))
            .map(r -> "<h3>" + ReportText.html(r.name()) + "</h3>")
            .toList();

    int previous = -1;
    for (String heading : order) {
      int at = details.indexOf(heading);
      assertThat(at).as(heading).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void saysWhenThereIsNoEarlierSweep() {
    FleetReportData first =
        FixtureFleet.twoSweeps(work.resolve("c")).assembler().assemble(Optional.of("sw-1"));

    assertThat(new FleetHtmlReport().render(first))
        .contains("This is the first sweep: there is no earlier one to compare with.");
  }

  private String title(String ruleId) {
    return ReportText.html(data.rule(ruleId).title());
  }

  static FleetReportData withRepository(FleetReportData data, RepositoryResult extra) {
    List<RepositoryResult> repositories = new ArrayList<>(data.repositories());
    repositories.add(extra);
    return new FleetReportData(
        data.generatedAt(),
        data.sweep(),
        data.totals(),
        repositories,
        data.rules(),
        data.passRates(),
        data.scoreDistribution(),
        data.teams(),
        data.worstRepositories(),
        data.changes());
  }

  /** Tags opened and not closed, or closed without being open; void and self-closed tags aside. */
  static List<String> unbalancedTags(String page) {
    List<String> problems = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>();
    Matcher matcher = TAG.matcher(page);
    while (matcher.find()) {
      String name = matcher.group(2).toLowerCase(java.util.Locale.ROOT);
      boolean closing = !matcher.group(1).isEmpty();
      if (VOID.contains(name) || matcher.group(3).endsWith("/")) {
        continue;
      }
      if (!closing) {
        open.push(name);
      } else if (open.isEmpty() || !open.pop().equals(name)) {
        problems.add("unexpected </" + name + "> at " + matcher.start());
      }
    }
    open.forEach(name -> problems.add("unclosed <" + name + ">"));
    return problems;
  }

  static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    return text.substring(from, text.indexOf(end, from));
  }
}
