package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.FleetHtmlReportTest.count;
import static dev.fleetcheck.core.report.fleet.FleetHtmlReportTest.unbalancedTags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.TeamSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML page stays small and still correct when the fleet has thousands of repositories. */
class FleetHtmlPageBoundsTest {

  private static final Pattern MORE = Pattern.compile("<p class=\"more\" data-hidden=\"(\\d+)\">");

  private static FleetReportData thousand;
  private static FleetReportData tenThousand;
  private static String thousandPage;
  private static String tenThousandPage;

  @BeforeAll
  static void render() {
    thousand = GeneratedFleet.of(1_000);
    tenThousand = GeneratedFleet.of(10_000);
    thousandPage = new FleetHtmlReport().render(thousand);
    tenThousandPage = new FleetHtmlReport().render(tenThousand);
  }

  @Test
  void staysUnderTheDocumentedCapAndGrowsFarSlowerThanTheFleet() {
    long small = bytes(thousandPage);
    long large = bytes(tenThousandPage);
    long unbounded = bytes(new FleetHtmlReport(FleetPageLimits.unbounded()).render(thousand));

    assertThat(large).isLessThan(FleetPageLimits.STANDARD_CAP_BYTES);
    assertThat(small).isLessThan(FleetPageLimits.STANDARD_CAP_BYTES);
    // Ten times the repositories, well under twice the page.
    assertThat(large).isLessThan(2 * small);
    assertThat(unbounded).as("the page without limits").isGreaterThan(10 * small);
    assertThat(unbalancedTags(tenThousandPage)).isEmpty();
  }

  @Test
  void everyTeamAppearsWithCountsThatMatchTheRepositories() {
    Map<String, Integer> perTeam = new TreeMap<>();
    for (RepositoryResult repository : tenThousand.repositories()) {
      perTeam.merge(repository.team(), 1, Integer::sum);
    }
    String teams = section(tenThousandPage, "teams");

    assertThat(tenThousand.teams()).hasSize(perTeam.size());
    assertThat(perTeam).hasSizeGreaterThan(200);
    perTeam.forEach(
        (team, repositories) ->
            assertThat(teams)
                .contains(
                    "<tr><th scope=\"row\">"
                        + (team.isEmpty() ? "(no team)" : team)
                        + "</th><td class=\"num\">"
                        + repositories
                        + "</td>"));
    assertThat(count(teams, "<tr><th scope=\"row\">")).isEqualTo(perTeam.size());
    assertThat(teams).doesNotContain("class=\"more\"");
  }

  @Test
  void listsTheWorstRepositoriesLowestScoreFirst() {
    List<RepositoryResult.Scanned> expected =
        tenThousand.repositories().stream()
            .filter(RepositoryResult.Scanned.class::isInstance)
            .map(RepositoryResult.Scanned.class::cast)
            .sorted(
                Comparator.comparingDouble(RepositoryResult.Scanned::score)
                    .thenComparing(RepositoryResult.Scanned::name))
            .limit(FleetReportData.WORST_LIMIT)
            .toList();
    String worst = section(tenThousandPage, "worst-repositories");

    int previous = -1;
    for (int rank = 0; rank < expected.size(); rank++) {
      RepositoryResult.Scanned repository = expected.get(rank);
      String row =
          "<tr><td class=\"num\">"
              + (rank + 1)
              + "</td><th scope=\"row\"><a href=\"#repo-"
              + (rank + 1)
              + "\">"
              + ReportText.html(repository.name())
              + "</a></th>";
      int at = worst.indexOf(row);
      assertThat(at).as(row).isGreaterThan(previous);
      previous = at;
    }
    String details = section(tenThousandPage, "repositories");
    assertThat(details.indexOf("id=\"repo-1\"")).isLessThan(details.indexOf("id=\"repo-2\""));
  }

  @Test
  void groupsTheChangesByRuleWithCountsThatMatchTheRepositories() {
    Map<String, Integer> newFailures = new TreeMap<>();
    Map<String, Integer> fixed = new TreeMap<>();
    for (RepositoryChange change : tenThousand.changes()) {
      change.newFailures().forEach(rule -> newFailures.merge(rule, 1, Integer::sum));
      change.fixed().forEach(rule -> fixed.merge(rule, 1, Integer::sum));
    }
    String changes = section(tenThousandPage, "changes");

    assertThat(newFailures).isNotEmpty();
    for (String rule : tenThousand.rules().keySet()) {
      long failingNow =
          tenThousand.repositories().stream()
              .filter(RepositoryResult.Scanned.class::isInstance)
              .map(RepositoryResult.Scanned.class::cast)
              .filter(r -> r.failingRules().stream().anyMatch(f -> f.ruleId().equals(rule)))
              .count();
      String row = row(changes, "<tr><th scope=\"row\"><code>" + rule + "</code>");
      assertThat(row)
          .contains(
              "<td class=\"num\">"
                  + failingNow
                  + "</td><td class=\"num\">"
                  + newFailures.getOrDefault(rule, 0)
                  + "</td><td class=\"num\">"
                  + fixed.getOrDefault(rule, 0)
                  + "</td>");
      int examples = Math.min(newFailures.getOrDefault(rule, 0), 5);
      assertThat(count(row, "org&#47;service-")).isEqualTo(examples);
      if (newFailures.getOrDefault(rule, 0) > 5) {
        assertThat(row).contains("and " + (newFailures.get(rule) - 5) + " more");
      }
    }
  }

  @Test
  void showsDetailForTheLowestScoresAndCountsTheRest() {
    String details = section(tenThousandPage, "repositories");
    int scanned = tenThousand.totals().scanned();
    int articles = count(details, "<article class=\"repository\"");

    assertThat(articles).isBetween(1, FleetPageLimits.STANDARD.detailRepositories());
    assertThat(hidden(details)).containsExactly(scanned - articles);
    assertThat(details).contains((scanned - articles) + " more scanned repositories");
    assertThat(count(details, "more findings in the CSV and JSON exports")).isPositive();
    String failed = details.substring(details.indexOf("<h3 id=\"failed-scans\">"));
    assertThat(count(failed, "<tr><th scope=\"row\">"))
        .isEqualTo(tenThousand.totals().failedScans())
        .isPositive();
  }

  @Test
  void cutsTablesOfManyTeamsShortAndSaysHowManyAreLeftOut() {
    FleetReportData manyTeams = GeneratedFleet.of(10_000, 5_000, 7L);
    String page = new FleetHtmlReport().render(manyTeams);
    String teams = section(page, "teams");
    int rows = count(teams, "<tr><th scope=\"row\">");

    assertThat(bytes(page)).isLessThan(FleetPageLimits.STANDARD_CAP_BYTES);
    assertThat(rows).isLessThanOrEqualTo(FleetPageLimits.STANDARD.tableRows());
    assertThat(hidden(teams)).containsExactly(manyTeams.teams().size() - rows);
    // What is shown is the start of the team order.
    TeamSummary last = manyTeams.teams().get(rows - 1);
    assertThat(teams).contains("<tr><th scope=\"row\">" + last.team() + "</th>");
    assertThat(teams).doesNotContain(manyTeams.teams().get(rows).team() + "</th>");
  }

  @Test
  void staysUnderTheCapWhenEveryValueIsLongAndCostlyToEscape() {
    // Each character of the padding weighs five or three bytes on the page ("&#39;", "€").
    String padding = "'€".repeat(200);
    List<RepositoryResult> padded = new ArrayList<>();
    for (RepositoryResult repository : GeneratedFleet.of(3_000, 2_000, 11L).repositories()) {
      padded.add(padded(repository, padding));
    }
    FleetReportData base = GeneratedFleet.of(3_000, 2_000, 11L);
    List<RepositoryResult.Scanned> scanned = FleetAggregates.scannedOnly(padded);
    FleetReportData data =
        new FleetReportData(
            base.generatedAt(),
            base.sweep(),
            base.totals(),
            padded,
            base.rules(),
            base.passRates(),
            base.scoreDistribution(),
            FleetAggregates.teams(padded),
            FleetAggregates.worst(scanned),
            base.changes());

    String page = new FleetHtmlReport().render(data);

    assertThat(bytes(page)).isLessThan(FleetPageLimits.STANDARD_CAP_BYTES);
    assertThat(hidden(section(page, "teams"))).hasSize(1);
    assertThat(unbalancedTags(page)).isEmpty();
  }

  private static RepositoryResult padded(RepositoryResult repository, String padding) {
    if (repository instanceof RepositoryResult.Scanned s) {
      return new RepositoryResult.Scanned(
          padding + s.name(),
          padding + s.team(),
          s.source(),
          padding + s.scanId(),
          s.commit(),
          s.scannedAt(),
          s.score(),
          s.band(),
          s.failingRules().stream()
              .map(
                  r ->
                      new FleetReportData.FailedRule(
                          r.ruleId(),
                          r.level(),
                          r.findingCount(),
                          r.findings().stream()
                              .map(
                                  f ->
                                      new FleetReportData.FindingDetail(
                                          f.fingerprint(),
                                          padding + f.path(),
                                          f.line(),
                                          padding + f.message(),
                                          f.firstSeenAt(),
                                          f.status()))
                              .toList(),
                          r.isNew()))
              .toList());
    }
    RepositoryResult.Failed f = (RepositoryResult.Failed) repository;
    return new RepositoryResult.Failed(
        padding + f.name(),
        padding + f.team(),
        f.source(),
        f.scanId(),
        f.errorCode(),
        padding + f.message());
  }

  @Test
  void clipsHugeValuesSoNoOneRepositoryCanBlowUpThePage() {
    String huge = "x".repeat(200_000);
    FleetReportData data =
        FleetHtmlReportTest.withRepository(
            GeneratedFleet.of(100),
            new RepositoryResult.Failed(
                "failed-" + huge,
                huge,
                "",
                "s-huge",
                dev.fleetcheck.core.error.ErrorCode.CLONE_FAILED,
                huge));
    String page = new FleetHtmlReport().render(data);

    assertThat(bytes(page))
        .isLessThan(bytes(new FleetHtmlReport().render(GeneratedFleet.of(100))) + 10_000);
    assertThat(page).contains("failed-" + "x".repeat(293) + "\u2026");
  }

  @Test
  void theSameFleetRendersByteIdenticalPages() {
    assertThat(new FleetHtmlReport().render(GeneratedFleet.of(10_000))).isEqualTo(tenThousandPage);
  }

  private static long bytes(String page) {
    return page.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String section(String page, String id) {
    int from = page.indexOf("<section id=\"" + id + "\"");
    assertThat(from).as(id).isNotNegative();
    return page.substring(from, page.indexOf("</section>", from));
  }

  private static String row(String html, String start) {
    int from = html.indexOf(start);
    if (from < 0) {
      return "";
    }
    return html.substring(from, html.indexOf("</tr>", from));
  }

  private static List<Integer> hidden(String html) {
    List<Integer> counts = new ArrayList<>();
    Matcher matcher = MORE.matcher(html);
    while (matcher.find()) {
      counts.add(Integer.parseInt(matcher.group(1)));
    }
    return counts;
  }
}
