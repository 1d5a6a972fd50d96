package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.FleetHtml.text;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.report.fleet.FleetHtmlReport;
import dev.fleetcheck.core.report.fleet.FleetReportAssembler;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The live fleet web page: the fleet report's bounded sections over the latest sweep, narrowed by
 * the same filters as {@code GET /v1/repos}, above a paged table of the repositories' latest scans;
 * a repository's history; a rule's failing repositories; and export forms. HTML only, no script:
 * links and forms do everything, so it works in any browser without JavaScript.
 */
final class FleetPageRoutes {

  private final FleetQueries queries;
  private final Catalogue catalogue;
  private final FleetReportAssembler assembler;
  private final ExportRoutes exports;
  private final FleetHtmlReport report = new FleetHtmlReport();

  FleetPageRoutes(
      FleetQueries queries,
      Catalogue catalogue,
      FleetReportAssembler assembler,
      ExportRoutes exports) {
    this.queries = queries;
    this.catalogue = catalogue;
    this.assembler = assembler;
    this.exports = exports;
  }

  List<Route> routes() {
    return List.of(
        Route.page("GET /fleet", ReadRoutes.READ, this::fleet),
        Route.page("GET /fleet/repos/{repo}", ReadRoutes.READ, this::repository),
        Route.page("GET /fleet/rules/{id}", ReadRoutes.READ, this::rule),
        Route.page("POST /fleet/exports", ExportRoutes.EXPORT, this::createExport),
        Route.page("GET /fleet/exports/{id}", ExportRoutes.EXPORT, this::export));
  }

  private ApiReply fleet(ApiRequest request) {
    LatestFilter filter = Filters.of(request);
    PageTrail trail = PageTrail.of(request);
    Page<ScanRecord> page = queries.latest(filter, ReadRoutes.page(request));
    Optional<Sweep> sweep = queries.latestSweep();
    StringBuilder body = new StringBuilder();
    body.append(FleetPageViews.filterForm(filter));
    if (request.scopes().orElse(Set.of()).contains(ExportRoutes.EXPORT) && sweep.isPresent()) {
      body.append(FleetPageViews.exportForm(filter));
    }
    body.append("<p><a href=\"#repositories\">Repositories</a></p>\n");
    if (sweep.isPresent()) {
      body.append("<p class=\"meta\">The figures are those of the latest sweep, <code>")
          .append(text(sweep.get().sweepId()))
          .append("</code>, started ")
          .append(text(sweep.get().startedAt().toString()))
          .append("; the table lists each repository's latest scan.</p>\n");
      body.append(
          report.overview(
              assembler.assemble(Optional.of(sweep.get().sweepId()), filter),
              FleetPageViews.LINKS));
    } else {
      body.append("<p>No sweep has run yet: the fleet figures appear after the first one.</p>\n");
    }
    Map<String, String> fixed = FleetPageViews.parameters(filter);
    request.query("limit").ifPresent(l -> fixed.put("limit", l));
    body.append("<section id=\"repositories\">\n<h2>Repositories</h2>\n")
        .append(
            FleetPageViews.latestTable("The latest scan of each repository, by name", page.items()))
        .append(FleetPageViews.pager("/fleet", fixed, trail, page))
        .append("</section>\n");
    return FleetHtml.page(200, "Fleet", body.toString());
  }

  private ApiReply repository(ApiRequest request) {
    String name = request.path("repo");
    ScanRecord latest =
        queries.history(name, PageRequest.first(1)).items().stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new FleetcheckException(
                        ErrorCode.SCAN_NOT_FOUND, "no scan of this repository is stored"));
    List<FailedRule> failing = new ArrayList<>();
    for (FailingRule rule :
        queries
            .scan(latest.scanId())
            .map(FleetQueries.ScanDetails::failingRules)
            .orElse(List.of())) {
      failing.add(FailedRule.of(rule, f -> f.newIn(latest.scanId()), false));
    }
    PageTrail trail = PageTrail.of(request);
    Page<ScanRecord> history = queries.history(name, ReadRoutes.page(request));
    Map<String, String> fixed = new LinkedHashMap<>();
    request.query("limit").ifPresent(l -> fixed.put("limit", l));
    String body =
        "<p class=\"meta\">Team "
            + text(latest.team().isEmpty() ? "(no team)" : latest.team())
            + "</p>\n<section id=\"latest\">\n<h2>Failing rules in the latest scan</h2>\n"
            + (failing.isEmpty()
                ? "<p>No failing rules.</p>\n"
                : report.failingRules(failing, ruleInfos(latest), FleetPageViews.LINKS))
            + "</section>\n<section id=\"history\">\n<h2>History</h2>\n"
            + FleetPageViews.historyTable(history.items())
            + FleetPageViews.pager(FleetPageViews.repositoryPath(name), fixed, trail, history)
            + "</section>\n";
    return FleetHtml.page(200, name, body);
  }

  /**
   * What the scan's own rule pack said about its rules (remediation included), from its full
   * report; the catalogue's title and level where the report cannot be read.
   */
  private Function<String, RuleInfo> ruleInfos(ScanRecord scan) {
    Map<String, RuleMeta> metas = new HashMap<>();
    try {
      queries.report(scan.scanId()).results().forEach(r -> metas.put(r.rule().id(), r.rule()));
    } catch (FleetcheckException e) {
      if (e.errorCode() != ErrorCode.REPORT_NOT_FOUND) {
        throw e;
      }
    }
    return id ->
        Optional.ofNullable(metas.get(id))
            .map(RuleInfo::of)
            .orElseGet(
                () ->
                    catalogue
                        .entry(id)
                        .map(
                            e ->
                                new RuleInfo(
                                    id,
                                    e.section(),
                                    e.title(),
                                    e.level(),
                                    RuleKind.MANUAL,
                                    "See section " + e.section() + " of the standard."))
                        .orElseGet(
                            () ->
                                new RuleInfo(
                                    id,
                                    "",
                                    id + " (not in the standard's catalogue)",
                                    Level.ADVISORY,
                                    RuleKind.MANUAL,
                                    "")));
  }

  private ApiReply rule(ApiRequest request) {
    String ruleId = request.path("id");
    LatestFilter filter = LatestFilter.all().withFailingRule(ruleId);
    PageTrail trail = PageTrail.of(request);
    Page<ScanRecord> page = queries.latest(filter, ReadRoutes.page(request));
    Map<String, String> fixed = new LinkedHashMap<>();
    request.query("limit").ifPresent(l -> fixed.put("limit", l));
    String body =
        FleetPageViews.ruleSummary(ruleId, catalogue.entry(ruleId))
            + "<section id=\"repositories\">\n<h2>Repositories failing it</h2>\n"
            + FleetPageViews.latestTable(
                "Repositories whose latest scan fails the rule, by name", page.items())
            + FleetPageViews.pager(FleetPageViews.rulePath(ruleId), fixed, trail, page)
            + "</section>\n";
    return FleetHtml.page(200, ruleId, body);
  }

  private ApiReply createExport(ApiRequest request) {
    FormBody form = FormBody.of(request, Set.of("format", "team", "band", "rule"));
    FleetReportFormat format = FleetReportFormat.fromId(form.required("format", 20));
    FleetExports.Export export =
        exports.create(
            new FleetExports.Request(format, Optional.empty(), Filters.of(form::text)), request);
    return FleetHtml.seeOther("/fleet/exports/" + FleetHtml.segment(export.exportId()));
  }

  private ApiReply export(ApiRequest request) {
    FleetExports.Export export = exports.find(request.path("id"));
    String body =
        FleetPageViews.exportStatus(
            export,
            exports.link(export, request),
            exports.clock().instant().plus(ExportRoutes.LINK_VALIDITY));
    return FleetHtml.page(200, "Export " + export.exportId(), body);
  }
}
