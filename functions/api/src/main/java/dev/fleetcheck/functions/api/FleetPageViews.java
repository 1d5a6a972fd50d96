package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.FleetHtml.link;
import static dev.fleetcheck.functions.api.FleetHtml.segment;
import static dev.fleetcheck.functions.api.FleetHtml.text;

import dev.fleetcheck.core.catalogue.CatalogueEntry;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.report.fleet.FleetPageLimits;
import dev.fleetcheck.core.report.fleet.FleetPageLinks;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import dev.fleetcheck.core.report.fleet.ReportText;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The markup of the live fleet page's own parts (the filter and export forms, repository tables, a
 * pager, a scan's failing rules, an export's status); the fleet-wide sections come from the report
 * ({@code FleetHtmlReport.overview}). Every value is escaped where it is put in.
 */
final class FleetPageViews {

  private static final FleetPageLimits LIMITS = FleetPageLimits.STANDARD;

  /** Repository names link to their page, rule IDs to theirs. */
  static final FleetPageLinks LINKS =
      new FleetPageLinks(
          name -> Optional.of(repositoryPath(name)), rule -> Optional.of(rulePath(rule)));

  private FleetPageViews() {}

  static String repositoryPath(String name) {
    return "/fleet/repos/" + segment(name);
  }

  static String rulePath(String ruleId) {
    return "/fleet/rules/" + segment(ruleId);
  }

  /** The filters as query parameters (empty ones left out by {@link FleetHtml#link}). */
  static Map<String, String> parameters(LatestFilter filter) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("team", filter.team().orElse(""));
    parameters.put("band", filter.band().map(ScoreBand::id).orElse(""));
    parameters.put("rule", filter.failingRule().orElse(""));
    return parameters;
  }

  /** A GET form narrowing the page to a team, a score band and a failing rule. */
  static String filterForm(LatestFilter filter) {
    StringBuilder html = new StringBuilder();
    html.append("<form class=\"filters\" method=\"get\" action=\"/fleet\" id=\"filters\">\n")
        .append("<label>Team <input type=\"text\" name=\"team\" maxlength=\"")
        .append(Filters.TEAM_CHARS)
        .append("\" value=\"")
        .append(text(filter.team().orElse("")))
        .append("\"></label>\n<label>Score band <select name=\"band\">\n<option value=\"\">any")
        .append("</option>\n");
    for (ScoreBand band : ScoreBand.values()) {
      html.append("<option value=\"")
          .append(band.id())
          .append(filter.band().filter(b -> b == band).isPresent() ? "\" selected>" : "\">")
          .append(band.id())
          .append("</option>\n");
    }
    html.append("</select></label>\n<label>Failing rule <input type=\"text\" name=\"rule\"")
        .append(" maxlength=\"")
        .append(Filters.RULE_CHARS)
        .append("\" value=\"")
        .append(text(filter.failingRule().orElse("")))
        .append("\"></label>\n<button type=\"submit\">Filter</button>\n")
        .append("<a href=\"/fleet\">Clear</a>\n</form>\n");
    return html.toString();
  }

  /** A POST form asking for an export of what the filters show. */
  static String exportForm(LatestFilter filter) {
    StringBuilder html = new StringBuilder();
    html.append(
        "<form class=\"filters\" method=\"post\" action=\"/fleet/exports\" id=\"export\">\n");
    parameters(filter)
        .forEach(
            (name, value) -> {
              if (!value.isEmpty()) {
                html.append("<input type=\"hidden\" name=\"")
                    .append(name)
                    .append("\" value=\"")
                    .append(text(value))
                    .append("\">\n");
              }
            });
    html.append("<label>Export these repositories as <select name=\"format\">\n");
    for (FleetReportFormat format : FleetReportFormat.values()) {
      html.append("<option value=\"")
          .append(format.id())
          .append("\">")
          .append(format.id())
          .append("</option>\n");
    }
    html.append("</select></label>\n<button type=\"submit\">Export</button>\n</form>\n");
    return html.toString();
  }

  /** One row per repository's latest scan; failing rules link to their page. */
  static String latestTable(String caption, List<ScanRecord> scans) {
    StringBuilder html = new StringBuilder();
    html.append("<table id=\"repository-table\">\n<caption>")
        .append(text(caption))
        .append("</caption>\n<thead><tr><th scope=\"col\">Repository</th>")
        .append("<th scope=\"col\">Team</th><th scope=\"col\" class=\"num\">Score</th>")
        .append("<th scope=\"col\">Band</th><th scope=\"col\">Failing rules</th>")
        .append("<th scope=\"col\">Scanned</th></tr></thead>\n<tbody>\n");
    for (ScanRecord scan : scans) {
      html.append("<tr><th scope=\"row\"><a href=\"")
          .append(FleetHtml.attribute(repositoryPath(scan.repository())))
          .append("\">")
          .append(text(scan.repository()))
          .append("</a></th><td>")
          .append(text(scan.team()))
          .append("</td>")
          .append(outcome(scan))
          .append("<td>")
          .append(html(scan.scannedAt()))
          .append("</td></tr>\n");
    }
    if (scans.isEmpty()) {
      html.append("<tr><td colspan=\"6\">No repository matches.</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** One row per scan of a repository, newest first. */
  static String historyTable(List<ScanRecord> scans) {
    StringBuilder html = new StringBuilder();
    html.append("<table id=\"history-table\">\n<caption>Scans, newest first</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Scanned</th><th scope=\"col\">Scan</th>")
        .append("<th scope=\"col\">Commit</th><th scope=\"col\" class=\"num\">Score</th>")
        .append("<th scope=\"col\">Band</th><th scope=\"col\">Failing rules</th>")
        .append("<th scope=\"col\">Sweep</th></tr></thead>\n<tbody>\n");
    for (ScanRecord scan : scans) {
      html.append("<tr><th scope=\"row\">")
          .append(html(scan.scannedAt()))
          .append("</th><td><code>")
          .append(text(scan.scanId()))
          .append("</code></td><td><code>")
          .append(text(shortCommit(scan.commit())))
          .append("</code></td>")
          .append(outcome(scan))
          .append("<td>")
          .append(
              scan.sweepId().isEmpty() ? "on demand" : "<code>" + text(scan.sweepId()) + "</code>")
          .append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** Score, band and failing rules (three cells), or the failure's error code. */
  private static String outcome(ScanRecord scan) {
    if (scan.outcome() instanceof ScanOutcome.Succeeded ok) {
      StringBuilder rules = new StringBuilder();
      List<String> failing = ok.failingRules();
      int shown = Math.min(failing.size(), LIMITS.examplesPerRule());
      for (int i = 0; i < shown; i++) {
        rules.append(i == 0 ? "" : ", ").append(ruleLink(failing.get(i)));
      }
      if (failing.size() > shown) {
        rules
            .append(" <span class=\"more\">and ")
            .append(failing.size() - shown)
            .append(" more</span>");
      }
      return "<td class=\"num\">"
          + ReportText.decimal(ok.score())
          + "</td><td><span class=\"badge band-"
          + ok.band().id()
          + "\">"
          + ok.band().id()
          + "</span></td><td>"
          + (failing.isEmpty() ? "none" : rules)
          + "</td>";
    }
    String code =
        scan.outcome() instanceof ScanOutcome.Failed failed ? failed.errorCode().code() : "";
    return "<td class=\"num\">n/a</td><td>n/a</td><td class=\"scan-failed\">scan failed: <code>"
        + text(code)
        + "</code></td>";
  }

  /** The rule's catalogue entry, or a note that the standard does not know it. */
  static String ruleSummary(String ruleId, Optional<CatalogueEntry> entry) {
    if (entry.isEmpty()) {
      return "<p>The standard's catalogue has no rule <code>" + text(ruleId) + "</code>.</p>\n";
    }
    CatalogueEntry e = entry.get();
    return "<p class=\"meta\">"
        + text(e.title())
        + " <span class=\"badge level-"
        + e.level().id()
        + "\">"
        + e.level().id()
        + "</span>, section "
        + text(e.section())
        + "</p>\n";
  }

  /** First, previous and next links of a paged table; the filters ride along. */
  static String pager(String path, Map<String, String> fixed, PageTrail trail, Page<?> page) {
    StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">\n");
    if (!trail.first()) {
      html.append(anchor(link(path, fixed), "first", "First page"));
    }
    trail
        .previous()
        .ifPresent(p -> html.append(anchor(link(path, merged(fixed, p)), "prev", "Previous page")));
    page.next()
        .ifPresent(
            next ->
                html.append(
                    anchor(link(path, merged(fixed, trail.next(next))), "next", "Next page")));
    return html.append("</nav>\n").toString();
  }

  /** What an export holds, and the link to download it while the link is valid. */
  static String exportStatus(FleetExports.Export export, URI download, Instant expires) {
    LatestFilter filter = export.request().filter();
    String file = "fleet-report." + export.request().format().extension();
    return "<dl class=\"figures\">\n"
        + figure("Status", "ready")
        + figure("Format", export.request().format().id())
        + figure("Sweep", export.sweepId())
        + figure("Team", filter.team().orElse("any"))
        + figure("Score band", filter.band().map(ScoreBand::id).orElse("any"))
        + figure("Failing rule", filter.failingRule().orElse("any"))
        + "</dl>\n<p><a id=\"download\" download=\""
        + text(file)
        + "\" href=\""
        + FleetHtml.attribute(download.toString())
        + "\">Download "
        + text(file)
        + "</a> (the link is valid until "
        + html(expires)
        + "; reload this page for a new one).</p>\n";
  }

  private static String figure(String label, String value) {
    return "<div class=\"figure\"><dt>" + text(label) + "</dt><dd>" + text(value) + "</dd></div>\n";
  }

  private static String anchor(String href, String rel, String label) {
    return "<a rel=\"" + rel + "\" href=\"" + FleetHtml.attribute(href) + "\">" + label + "</a>\n";
  }

  private static Map<String, String> merged(Map<String, String> fixed, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(fixed);
    all.putAll(more);
    return all;
  }

  private static String ruleLink(String ruleId) {
    return "<a href=\""
        + FleetHtml.attribute(rulePath(ruleId))
        + "\"><code>"
        + text(ruleId)
        + "</code></a>";
  }

  private static String html(Instant at) {
    return text(at.toString());
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
