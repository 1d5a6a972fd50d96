package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import dev.fleetcheck.functions.common.FunctionLog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fleet exports: a client asks for one (202 with its Location) and fetches a time-limited download
 * link from it. Each export and each link issued writes a {@code security.audit} line: exports
 * carry the whole fleet's findings out of the service.
 */
final class ExportRoutes {

  static final String EXPORT = "exports:create";
  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  private final FleetExports exports;
  private final ReportLinks links;
  private final Clock clock;
  private final FunctionLog log;

  ExportRoutes(FleetExports exports, ReportLinks links, Clock clock, FunctionLog log) {
    this.exports = exports;
    this.links = links;
    this.clock = clock;
    this.log = log;
  }

  List<Route> routes() {
    return List.of(
        Route.scoped("POST /v1/exports", EXPORT, this::create),
        Route.scoped("GET /v1/exports/{id}", EXPORT, this::read));
  }

  private ApiReply create(ApiRequest request) {
    JsonBody body = JsonBody.of(request, Set.of("format", "sweep_id", "filters"));
    FleetReportFormat format = FleetReportFormat.fromId(body.requiredText("format", 20));
    JsonBody filters = body.object("filters", Set.of("team", "band", "rule"));
    LatestFilter filter = LatestFilter.all();
    if (filters.text("team", 200).isPresent()) {
      filter = filter.withTeam(filters.text("team", 200).get());
    }
    if (filters.text("band", 20).isPresent()) {
      filter =
          filter.withBand(
              ScoreBand.fromId(filters.text("band", 20).get().toLowerCase(Locale.ROOT)));
    }
    if (filters.text("rule", 100).isPresent()) {
      filter = filter.withFailingRule(filters.text("rule", 100).get());
    }
    var created =
        exports.create(
            new FleetExports.Request(format, body.text("sweep_id", 100), filter),
            request.header("idempotency-key"));
    FleetExports.Export export = created.export();
    audit(
        "export.created",
        request,
        Map.of(
            "export_id", export.exportId(),
            "format", format.id(),
            "sweep_id", export.sweepId(),
            "new", created.created()));
    return ApiReply.accepted(Views.export(export), "/v1/exports/" + export.exportId());
  }

  private ApiReply read(ApiRequest request) {
    FleetExports.Export export =
        exports
            .find(request.path("id"))
            .orElseThrow(
                () -> new FleetcheckException(ErrorCode.EXPORT_NOT_FOUND, "no such export"));
    ObjectNode reply = Views.export(export);
    reply.put("download_url", links.downloadLink(export.fileKey(), LINK_VALIDITY).toString());
    reply.put("expires_at", clock.instant().plus(LINK_VALIDITY).toString());
    audit("export.link_issued", request, Map.of("export_id", export.exportId()));
    return ApiReply.ok(reply);
  }

  /** Who did what, without the token or any claim that names a person. */
  private void audit(String action, ApiRequest request, Map<String, Object> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("action", action);
    line.put("route", request.routeKey());
    line.put("request_id", request.requestId());
    line.putAll(fields);
    log.info("security.audit", line);
  }
}
