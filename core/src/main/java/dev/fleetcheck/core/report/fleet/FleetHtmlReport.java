package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.ReportText.decimal;
import static dev.fleetcheck.core.report.fleet.ReportText.html;

import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.fleet.FleetPageDigest.RuleChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.AssistedFindings;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.ScoreBucket;
import dev.fleetcheck.core.report.fleet.FleetReportData.SweepSummary;
import dev.fleetcheck.core.report.fleet.FleetReportData.TeamSummary;
import dev.fleetcheck.core.report.fleet.FleetReportData.Totals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fleet report as one self-contained HTML file: inline CSS, charts as inline SVG, no script and
 * no URL of any kind, so it opens the same offline, from an e-mail or from an audit archive. A
 * Content-Security-Policy forbids loading anything even if a future change slipped a reference in.
 * Every value from the stores is escaped.
 *
 * <p>The page is bounded, whatever the fleet (see {@link FleetPageLimits}): it shows fleet-wide
 * figures, per-team and per-rule aggregates, the changes grouped by rule and a detail block for the
 * lowest-scored repositories only, and says how many rows each growing table leaves to the CSV and
 * JSON exports. A sweep of ten thousand repositories still opens in a browser.
 */
public final class FleetHtmlReport implements FleetRenderer {

  /** The section IDs, in page order; tests and links rely on them. */
  public static final List<String> SECTIONS =
      List.of(
          "summary",
          "score-distribution",
          "pass-rates",
          "assisted",
          "teams",
          "worst-repositories",
          "changes",
          "repositories");

  private static final List<String> TITLES =
      List.of(
          "Summary",
          "Score distribution",
          "Pass rate per rule",
          "Assisted rules",
          "Teams",
          "Worst repositories",
          "Changes since the last sweep",
          "Repositories");

  private static final String NO_TEAM = "(no team)";

  /** Inside a detail block names stay text: the block is the repository's own place. */
  private static final FleetPageLinks NO_LINKS =
      new FleetPageLinks(name -> Optional.empty(), rule -> Optional.empty());

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
             color: #1b1f24; background: #fff; margin: 0; }
      header, main, nav { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
      header { padding-top: 20px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 20px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; }
      h3 { font-size: 17px; margin: 24px 0 6px; }
      h4 { font-size: 15px; margin: 14px 0 4px; }
      nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
      a { color: #0b5cad; }
      code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      .meta { color: #57606a; margin: 2px 0; }
      .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
                 gap: 10px; margin: 12px 0; }
      .figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }
      .figure dt { color: #57606a; font-size: 12px; }
      .figure dd { margin: 0; font-size: 22px; font-weight: 600; }
      table { border-collapse: collapse; margin: 8px 0 12px; width: 100%; }
      th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
      th { background: #f6f8fa; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      td code, th code { white-space: nowrap; }
      table.compact { width: auto; min-width: 320px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; }
      .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px;
               font-weight: 600; border: 1px solid currentColor; }
      .band-strong { color: #116329; } .band-fair { color: #4d5e00; }
      .band-weak { color: #9a4f00; } .band-critical { color: #b3261e; }
      .level-required { color: #b3261e; } .level-recommended { color: #9a4f00; }
      .level-advisory { color: #0b5cad; }
      .status-new { color: #b3261e; } .status-still_open { color: #57606a; }
      .scan-failed { color: #b3261e; }
      .chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
      .chart .axis { stroke: #57606a; stroke-width: 1; }
      .chart text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
      .chart .value { font-weight: 600; }
      .chart .bar.band-strong { fill: #2da44e; } .chart .bar.band-fair { fill: #bf8700; }
      .chart .bar.band-weak { fill: #e16f24; } .chart .bar.band-critical { fill: #cf222e; }
      article.repository { border-top: 1px solid #d0d7de; }
      .remediation { background: #f6f8fa; border-left: 3px solid #0b5cad; padding: 4px 10px; margin: 4px 0; }
      .more { color: #57606a; font-style: italic; }
      """;

  private final FleetPageLimits limits;

  /** The page with the standard limits, as {@code fleetcheck report --format html} writes it. */
  public FleetHtmlReport() {
    this(FleetPageLimits.STANDARD);
  }

  public FleetHtmlReport(FleetPageLimits limits) {
    this.limits = limits;
  }

  @Override
  public String render(FleetReportData data) {
    FleetPageDigest digest = FleetPageDigest.of(data);
    // The detail blocks are chosen first: the sections above link only to repositories shown.
    BoundedRows details = details(data, digest.lowestFirst());
    Map<String, String> anchors = anchors(digest.lowestFirst(), details.shown());
    FleetPageLinks links =
        new FleetPageLinks(
            name -> Optional.ofNullable(anchors.get(name)).map(a -> "#" + a),
            rule -> Optional.empty());
    StringBuilder html = new StringBuilder(256 * 1024);
    SweepSummary sweep = data.sweep();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Fleetcheck fleet report: sweep ")
        .append(text(sweep.sweepId()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(html, data);
    html.append("<nav aria-label=\"Sections\"><ul>\n");
    for (int i = 0; i < SECTIONS.size(); i++) {
      html.append("<li><a href=\"#")
          .append(SECTIONS.get(i))
          .append("\">")
          .append(TITLES.get(i))
          .append("</a></li>\n");
    }
    html.append("</ul></nav>\n<main>\n");
    overview(html, data, digest, links, true);
    repositories(html, data, digest, details);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  /**
   * The page's sections from {@code summary} to {@code changes} ({@link #OVERVIEW_SECTIONS}),
   * without the document around them and without the repositories' detail blocks: the live fleet
   * page shows them above its own paged repository table, with names linked as {@code links} says.
   */
  public String overview(FleetReportData data, FleetPageLinks links) {
    StringBuilder html = new StringBuilder(128 * 1024);
    overview(html, data, FleetPageDigest.of(data), links, false);
    return html.toString();
  }

  /**
   * A repository's failing rules as its detail block shows them (remediation, the first findings
   * within the page's limits), for a page of that repository.
   */
  public String failingRules(
      List<FailedRule> rules, Function<String, RuleInfo> infos, FleetPageLinks links) {
    StringBuilder html = new StringBuilder(4096);
    for (FailedRule rule : rules) {
      failedRule(html, infos.apply(rule.ruleId()), rule, links);
    }
    return html.toString();
  }

  /** The style sheet of the page, for a page that embeds the overview in its own document. */
  public static String stylesheet() {
    return CSS;
  }

  private void overview(
      StringBuilder html,
      FleetReportData data,
      FleetPageDigest digest,
      FleetPageLinks links,
      boolean withFailedScans) {
    summary(html, data, digest, withFailedScans);
    distribution(html, data.scoreDistribution());
    passRates(html, data, links);
    assisted(html, data, links);
    teams(html, data, links);
    worst(html, data.worstRepositories(), links);
    changes(html, data, digest, links);
  }

  private void header(StringBuilder html, FleetReportData data) {
    SweepSummary sweep = data.sweep();
    html.append("<header>\n<h1>Fleet report</h1>\n<p class=\"meta\">Sweep <code>")
        .append(text(sweep.sweepId()))
        .append("</code> started ")
        .append(html(sweep.startedAt().toString()))
        .append(", rule pack <code>")
        .append(text(sweep.rulePackDigest()))
        .append("</code>. Generated ")
        .append(html(data.generatedAt().toString()))
        .append(".</p>\n<p class=\"meta\">Rule pack: ")
        .append(html(data.ruleKindSummary()))
        .append(
            " (automated rules pass or fail; assisted rules fail on an evident violation and"
                + " otherwise stay manual; manual rules are judged by a person).</p>\n</header>\n");
  }

  private static void sectionStart(StringBuilder html, String id, String title) {
    html.append("<section id=\"")
        .append(id)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title\">\n<h2 id=\"")
        .append(id)
        .append("-title\">")
        .append(title)
        .append("</h2>\n");
  }

  private void summary(
      StringBuilder html, FleetReportData data, FleetPageDigest digest, boolean withFailedScans) {
    SweepSummary sweep = data.sweep();
    Totals totals = data.totals();
    sectionStart(html, "summary", "Summary");
    html.append("<dl class=\"figures\">\n");
    figure(html, "Repositories expected", sweep.expected());
    figure(html, "Scanned", sweep.done());
    figure(html, "Scans failed", sweep.failed());
    figure(html, "Pending", sweep.pending());
    figure(html, "Mean score", totals.meanScore().map(ReportText::decimal).orElse("n/a"));
    figure(html, "Repositories failing a rule", totals.repositoriesWithFailures());
    figure(html, "Failing rules (repository x rule)", totals.failingRules());
    figure(html, "New findings", totals.newFindings());
    figure(html, "Findings still open", totals.stillOpenFindings());
    html.append("</dl>\n");
    if (sweep.pending() > 0) {
      html.append("<p>The sweep is not complete: ")
          .append(counted(sweep.pending(), "repository has", "repositories have"))
          .append(" no result yet and not listed.</p>\n");
    }
    if (totals.reportsUnreadable() > 0) {
      html.append("<p>")
          .append(totals.reportsUnreadable())
          .append(
              " full reports could not be read; those repositories are left out of the pass"
                  + " rates.</p>\n");
    }
    if (digest.failed().isEmpty()) {
      html.append("</section>\n");
      return;
    }
    html.append("<table class=\"compact\">\n<caption>Scans failed per error code</caption>\n")
        .append(
            "<thead><tr><th scope=\"col\">Error code</th><th scope=\"col\" class=\"num\">"
                + "Repositories</th></tr></thead>\n<tbody>\n");
    digest
        .failuresByCode()
        .forEach(
            (code, count) ->
                html.append("<tr><th scope=\"row\"><code>")
                    .append(html(code))
                    .append("</code></th><td class=\"num\">")
                    .append(count)
                    .append("</td></tr>\n"));
    html.append("</tbody>\n</table>\n");
    if (withFailedScans) {
      html.append("<p>The repositories themselves are listed under <a href=\"#failed-scans\">")
          .append("Scans that failed</a>.</p>\n");
    }
    html.append("</section>\n");
  }

  private static void figure(StringBuilder html, String label, Object value) {
    html.append("<div class=\"figure\"><dt>")
        .append(html(label))
        .append("</dt><dd>")
        .append(html(String.valueOf(value)))
        .append("</dd></div>\n");
  }

  private static void distribution(StringBuilder html, List<ScoreBucket> buckets) {
    sectionStart(html, "score-distribution", "Score distribution");
    html.append(SvgCharts.scoreDistribution(buckets));
    html.append(
            "<table class=\"compact\">\n<caption>Scanned repositories per score bucket</caption>\n")
        .append(
            "<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"num\">"
                + "Repositories</th></tr></thead>\n<tbody>\n");
    for (ScoreBucket bucket : buckets) {
      html.append("<tr><th scope=\"row\">")
          .append(html(bucket.label()))
          .append("</th><td class=\"num\">")
          .append(bucket.count())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private void passRates(StringBuilder html, FleetReportData data, FleetPageLinks links) {
    sectionStart(html, "pass-rates", "Pass rate per rule");
    html.append(
        "<p>Automated rules over the scanned repositories. The pass rate counts a waived rule as"
            + " passed and leaves out repositories where the rule does not apply, as the score"
            + " does.</p>\n");
    BoundedRows rows = rows();
    for (RulePassRate rate : data.passRates()) {
      rows.offer(() -> passRateRow(rate, data.rule(rate.ruleId()), links));
    }
    html.append(SvgCharts.passRates(data.passRates().subList(0, rows.shown())));
    html.append("<table>\n<caption>Outcomes per automated rule</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Rule</th><th scope=\"col\">Title</th>")
        .append("<th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Passed</th>")
        .append("<th scope=\"col\" class=\"num\">Failed</th>")
        .append("<th scope=\"col\" class=\"num\">Waived</th>")
        .append("<th scope=\"col\" class=\"num\">Errored</th>")
        .append("<th scope=\"col\" class=\"num\">Not applicable</th>")
        .append("<th scope=\"col\" class=\"num\">Pass rate</th></tr></thead>\n<tbody>\n")
        .append(rows.rows())
        .append("</tbody>\n</table>\n");
    more(html, rows, "rule", "rules", data);
    html.append("</section>\n");
  }

  private void assisted(StringBuilder html, FleetReportData data, FleetPageLinks links) {
    sectionStart(html, "assisted", "Assisted rules");
    html.append(
        "<p>Assisted rules fail on an evident violation; where none is found they stay manual"
            + " (\"no evident violation found\") for a person to judge. They never pass, so they"
            + " have no pass rate; most evident violations first.</p>\n");
    if (data.assistedFindings().isEmpty()) {
      html.append("<p>The rule pack has no assisted rule.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<caption>Outcomes per assisted rule</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Rule</th><th scope=\"col\">Title</th>")
        .append("<th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Failed</th>")
        .append("<th scope=\"col\" class=\"num\">Waived</th>")
        .append("<th scope=\"col\" class=\"num\">No evident violation</th>")
        .append("<th scope=\"col\" class=\"num\">Errored</th>")
        .append("<th scope=\"col\" class=\"num\">Not applicable</th></tr></thead>\n<tbody>\n");
    for (AssistedFindings tally : data.assistedFindings()) {
      RuleInfo rule = data.rule(tally.ruleId());
      html.append("<tr><th scope=\"row\">")
          .append(ruleLink(tally.ruleId(), links))
          .append("</th><td>")
          .append(text(rule.title()))
          .append("</td><td>")
          .append(level(rule.level()))
          .append("</td><td class=\"num\">")
          .append(tally.failed())
          .append("</td><td class=\"num\">")
          .append(tally.waived())
          .append("</td><td class=\"num\">")
          .append(tally.noEvidentViolation())
          .append("</td><td class=\"num\">")
          .append(tally.errored())
          .append("</td><td class=\"num\">")
          .append(tally.notApplicable())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private String passRateRow(RulePassRate rate, RuleInfo rule, FleetPageLinks links) {
    return "<tr><th scope=\"row\">"
        + ruleLink(rate.ruleId(), links)
        + "</th><td>"
        + text(rule.title())
        + "</td><td>"
        + level(rule.level())
        + "</td><td class=\"num\">"
        + rate.passed()
        + "</td><td class=\"num\">"
        + rate.failed()
        + "</td><td class=\"num\">"
        + rate.waived()
        + "</td><td class=\"num\">"
        + rate.errored()
        + "</td><td class=\"num\">"
        + rate.notApplicable()
        + "</td><td class=\"num\">"
        + rate.rate().map(r -> decimal(r) + "%").orElse("n/a")
        + "</td></tr>\n";
  }

  private void teams(StringBuilder html, FleetReportData data, FleetPageLinks links) {
    sectionStart(html, "teams", "Teams");
    BoundedRows rows = rows();
    for (TeamSummary team : data.teams()) {
      rows.offer(() -> teamRow(team, links));
    }
    html.append("<table>\n<caption>Per team</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Team</th><th scope=\"col\" class=\"num\">Repositories</th>")
        .append("<th scope=\"col\" class=\"num\">Scanned</th>")
        .append("<th scope=\"col\" class=\"num\">Scans failed</th>")
        .append("<th scope=\"col\" class=\"num\">Mean score</th>")
        .append("<th scope=\"col\" class=\"num\">Failing a rule</th>")
        .append("<th scope=\"col\">Most failed rule</th></tr></thead>\n<tbody>\n")
        .append(rows.rows())
        .append("</tbody>\n</table>\n");
    more(html, rows, "team", "teams", data);
    html.append("</section>\n");
  }

  private String teamRow(TeamSummary team, FleetPageLinks links) {
    return "<tr><th scope=\"row\">"
        + text(team(team.team()))
        + "</th><td class=\"num\">"
        + team.repositories()
        + "</td><td class=\"num\">"
        + team.scanned()
        + "</td><td class=\"num\">"
        + team.failedScans()
        + "</td><td class=\"num\">"
        + team.meanScore().map(ReportText::decimal).orElse("n/a")
        + "</td><td class=\"num\">"
        + team.repositoriesWithFailures()
        + "</td><td>"
        + team.worstRule()
            .map(
                r ->
                    ruleLink(r, links)
                        + " ("
                        + counted(team.worstRuleRepositories(), "repository)", "repositories)"))
            .orElse("none")
        + "</td></tr>\n";
  }

  private void worst(
      StringBuilder html, List<RepositoryResult.Scanned> worst, FleetPageLinks links) {
    sectionStart(html, "worst-repositories", "Worst repositories");
    if (worst.isEmpty()) {
      html.append("<p>No repository was scanned in this sweep.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<caption>The ")
        .append(worst.size())
        .append(" lowest scores</caption>\n<thead><tr>")
        .append("<th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Repository</th>")
        .append("<th scope=\"col\">Team</th><th scope=\"col\" class=\"num\">Score</th>")
        .append("<th scope=\"col\">Band</th>")
        .append("<th scope=\"col\" class=\"num\">Failing rules</th></tr></thead>\n<tbody>\n");
    int rank = 0;
    for (RepositoryResult.Scanned repository : worst) {
      html.append("<tr><td class=\"num\">")
          .append(++rank)
          .append("</td><th scope=\"row\">")
          .append(repositoryLink(repository.name(), links))
          .append("</th><td>")
          .append(text(team(repository.team())))
          .append("</td><td class=\"num\">")
          .append(decimal(repository.score()))
          .append("</td><td>")
          .append(band(repository.band()))
          .append("</td><td class=\"num\">")
          .append(repository.failingRules().size())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private void changes(
      StringBuilder html, FleetReportData data, FleetPageDigest digest, FleetPageLinks links) {
    sectionStart(html, "changes", "Changes since the last sweep");
    Optional<String> previous = data.sweep().previousSweepId();
    if (previous.isEmpty()) {
      html.append(
          "<p>This is the first sweep: there is no earlier one to compare with. Findings first"
              + " seen in this sweep's scans are marked new.</p>\n</section>\n");
      return;
    }
    html.append("<p>Compared with sweep <code>")
        .append(text(previous.get()))
        .append("</code>: ")
        .append(counted(data.totals().newFailures(), "new rule failure", "new rule failures"))
        .append(", ")
        .append(counted(data.totals().fixedRules(), "rule fixed", "rules fixed"))
        .append(", ")
        .append(counted(data.totals().newFindings(), "new finding", "new findings"))
        .append(", ")
        .append(
            counted(data.totals().stillOpenFindings(), "finding still open", "findings still open"))
        .append(".</p>\n");
    if (digest.ruleChanges().isEmpty()) {
      html.append("<p>No repository fails a rule it did not fail before, or fixed one.</p>\n");
      html.append("</section>\n");
      return;
    }
    BoundedRows rows = rows();
    for (RuleChange change : digest.ruleChanges()) {
      rows.offer(() -> changeRow(change, data.rule(change.ruleId()), links));
    }
    html.append("<table>\n<caption>Rules that started failing or were fixed, by rule</caption>\n")
        .append("<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Title</th>")
        .append("<th scope=\"col\" class=\"num\">Failing now</th>")
        .append("<th scope=\"col\" class=\"num\">New failures</th>")
        .append("<th scope=\"col\" class=\"num\">Fixed</th>")
        .append("<th scope=\"col\">Newly failing in</th></tr></thead>\n<tbody>\n")
        .append(rows.rows())
        .append("</tbody>\n</table>\n");
    more(html, rows, "rule", "rules", data);
    html.append("</section>\n");
  }

  private String changeRow(RuleChange change, RuleInfo rule, FleetPageLinks links) {
    StringBuilder examples = new StringBuilder();
    List<String> names = change.newlyFailing();
    int shown = Math.min(names.size(), limits.examplesPerRule());
    for (int i = 0; i < shown; i++) {
      examples.append(i == 0 ? "" : ", ").append(repositoryLink(names.get(i), links));
    }
    if (names.size() > shown) {
      examples
          .append(shown == 0 ? "" : " ")
          .append("<span class=\"more\">and ")
          .append(names.size() - shown)
          .append(" more</span>");
    }
    return "<tr><th scope=\"row\">"
        + ruleLink(change.ruleId(), links)
        + "</th><td>"
        + text(rule.title())
        + "</td><td class=\"num\">"
        + change.failingNow()
        + "</td><td class=\"num\">"
        + names.size()
        + "</td><td class=\"num\">"
        + change.fixed()
        + "</td><td>"
        + (names.isEmpty() ? "none" : examples)
        + "</td></tr>\n";
  }

  /** A detail block per scanned repository, lowest score first, while the limits allow. */
  private BoundedRows details(FleetReportData data, List<RepositoryResult.Scanned> lowestFirst) {
    BoundedRows rows = new BoundedRows(limits.detailRepositories(), limits.sectionBytes());
    for (int i = 0; i < lowestFirst.size(); i++) {
      RepositoryResult.Scanned repository = lowestFirst.get(i);
      String anchor = anchor(i);
      rows.offer(() -> detail(data, repository, anchor));
    }
    return rows;
  }

  private void repositories(
      StringBuilder html, FleetReportData data, FleetPageDigest digest, BoundedRows details) {
    sectionStart(html, "repositories", "Repositories");
    if (details.shown() + details.hidden() == 0) {
      html.append("<p>No repository was scanned in this sweep.</p>\n");
    } else {
      html.append("<p>Scanned repositories, lowest score first.</p>\n").append(details.rows());
      more(html, details, "scanned repository", "scanned repositories", data);
    }
    failedScans(html, data, digest);
    html.append("</section>\n");
  }

  private void failedScans(StringBuilder html, FleetReportData data, FleetPageDigest digest) {
    if (digest.failed().isEmpty()) {
      return;
    }
    BoundedRows rows = rows();
    for (RepositoryResult.Failed repository : digest.failed()) {
      rows.offer(
          () ->
              "<tr><th scope=\"row\">"
                  + text(repository.name())
                  + "</th><td>"
                  + text(team(repository.team()))
                  + "</td><td><code>"
                  + html(repository.errorCode().code())
                  + "</code></td><td>"
                  + text(repository.message())
                  + "</td></tr>\n");
    }
    html.append(
            "<h3 id=\"failed-scans\">Scans that failed</h3>\n<table>\n"
                + "<caption>Repositories that could not be scanned, by name</caption>\n")
        .append(
            "<thead><tr><th scope=\"col\">Repository</th><th scope=\"col\">Team</th>"
                + "<th scope=\"col\">Error code</th><th scope=\"col\">Message</th></tr></thead>\n"
                + "<tbody>\n")
        .append(rows.rows())
        .append("</tbody>\n</table>\n");
    more(html, rows, "failed scan", "failed scans", data);
  }

  private String detail(FleetReportData data, RepositoryResult.Scanned repository, String anchor) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<article class=\"repository\" id=\"")
        .append(anchor)
        .append("\">\n<h3>")
        .append(text(repository.name()))
        .append("</h3>\n<p class=\"meta\">Team ")
        .append(text(team(repository.team())))
        .append(", score <strong>")
        .append(decimal(repository.score()))
        .append("</strong> ")
        .append(band(repository.band()))
        .append(", commit <code>")
        .append(text(shortCommit(repository.commit())))
        .append("</code>, scanned ")
        .append(html(repository.scannedAt().toString()))
        .append(", scan <code>")
        .append(text(repository.scanId()))
        .append("</code></p>\n");
    if (repository.failingRules().isEmpty()) {
      return html.append("<p>No failing rules.</p>\n</article>\n").toString();
    }
    for (FailedRule rule : repository.failingRules()) {
      failedRule(html, data.rule(rule.ruleId()), rule, NO_LINKS);
    }
    return html.append("</article>\n").toString();
  }

  private void failedRule(
      StringBuilder html, RuleInfo info, FailedRule rule, FleetPageLinks links) {
    html.append("<h4>")
        .append(ruleLink(rule.ruleId(), links))
        .append(" ")
        .append(text(info.title()))
        .append(" ")
        .append(level(rule.level()));
    if (rule.isNew()) {
      html.append(" <span class=\"badge status-new\">new failure since the last sweep</span>");
    }
    html.append("</h4>\n<p class=\"remediation\"><strong>Remediation:</strong> ")
        .append(text(info.remediation()))
        .append("</p>\n");
    List<FindingDetail> findings =
        rule.findings().subList(0, Math.min(rule.findings().size(), limits.findingsPerRule()));
    if (!findings.isEmpty()) {
      html.append("<table>\n<thead><tr><th scope=\"col\">Location</th>")
          .append("<th scope=\"col\">Evidence</th><th scope=\"col\">Status</th>")
          .append("<th scope=\"col\">First seen</th></tr></thead>\n<tbody>\n");
      for (FindingDetail finding : findings) {
        String location = finding.location();
        html.append("<tr><td>")
            .append(location.isEmpty() ? "(repository)" : "<code>" + text(location) + "</code>")
            .append("</td><td>")
            .append(text(finding.message()))
            .append("</td><td><span class=\"badge status-")
            .append(finding.status().id())
            .append("\">")
            .append(finding.status().label())
            .append("</span></td><td>")
            .append(html(finding.firstSeenAt().toString()))
            .append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    int notStored = rule.findingCount() - rule.findings().size();
    int notShown = rule.findings().size() - findings.size();
    if (notShown > 0) {
      html.append("<p class=\"more\">")
          .append(counted(notShown, "more finding", "more findings"))
          .append(" in the CSV and JSON exports.</p>\n");
    }
    if (notStored > 0) {
      html.append("<p class=\"more\">")
          .append(counted(notStored, "more finding", "more findings"))
          .append(" in the repository's full report (the fleet store keeps the first ")
          .append(FailingRule.MAX_STORED_FINDINGS)
          .append(").</p>\n");
    }
  }

  private BoundedRows rows() {
    return new BoundedRows(limits.tableRows(), limits.sectionBytes());
  }

  /** The line under a table the limits cut short: how many rows are left out and where they are. */
  private void more(
      StringBuilder html, BoundedRows rows, String one, String many, FleetReportData data) {
    if (rows.hidden() == 0) {
      return;
    }
    html.append("<p class=\"more\" data-hidden=\"")
        .append(rows.hidden())
        .append("\">")
        .append(rows.hidden())
        .append(" more ")
        .append(rows.hidden() == 1 ? one : many)
        .append(", not shown to keep this page small: every one is in the CSV and JSON")
        .append(" exports (<code>fleetcheck report --sweep ")
        .append(text(data.sweep().sweepId()))
        .append(" --format json</code>).</p>\n");
  }

  /** Anchor IDs by position in the detail order: names may hold anything, the IDs must not. */
  private static Map<String, String> anchors(
      List<RepositoryResult.Scanned> lowestFirst, int shown) {
    Map<String, String> anchors = new HashMap<>();
    for (int i = 0; i < shown; i++) {
      anchors.put(lowestFirst.get(i).name(), anchor(i));
    }
    return anchors;
  }

  private static String anchor(int position) {
    return "repo-" + (position + 1);
  }

  private String repositoryLink(String name, FleetPageLinks links) {
    return links
        .repository()
        .apply(name)
        .map(href -> "<a href=\"" + html(href) + "\">" + text(name) + "</a>")
        .orElseGet(() -> text(name));
  }

  private String ruleLink(String ruleId, FleetPageLinks links) {
    String code = "<code>" + text(ruleId) + "</code>";
    return links
        .rule()
        .apply(ruleId)
        .map(href -> "<a href=\"" + html(href) + "\">" + code + "</a>")
        .orElse(code);
  }

  /** A value from the stores, clipped to the page's limit and escaped. */
  private String text(String value) {
    return html(ReportText.clip(value, limits.textChars()));
  }

  private static String level(Level level) {
    return "<span class=\"badge level-" + level.id() + "\">" + level.id() + "</span>";
  }

  private static String band(ScoreBand band) {
    return "<span class=\"badge band-" + band.id() + "\">" + band.id() + "</span>";
  }

  private static String counted(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String team(String team) {
    return team.isEmpty() ? NO_TEAM : team;
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
