package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import dev.fleetcheck.functions.common.FunctionLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
    FleetExports.Export export =
        create(
            new FleetExports.Request(format, body.text("sweep_id", 100), Filters.of(filters::text)),
            request);
    return ApiReply.accepted(Views.export(export), "/v1/exports/" + export.exportId());
  }

  private ApiReply read(ApiRequest request) {
    FleetExports.Export export = find(request.path("id"));
    ObjectNode reply = Views.export(export);
    reply.put("download_url", link(export, request).toString());
    reply.put("expires_at", clock.instant().plus(LINK_VALIDITY).toString());
    return ApiReply.ok(reply);
  }

  /** Renders and keeps an export (the request's {@code Idempotency-Key} honoured), audited. */
  FleetExports.Export create(FleetExports.Request wanted, ApiRequest request) {
    var created = exports.create(wanted, request.header("idempotency-key"));
    FleetExports.Export export = created.export();
    audit(
        "export.created",
        request,
        Map.of(
            "export_id", export.exportId(),
            "format", wanted.format().id(),
            "sweep_id", export.sweepId(),
            "new", created.created()));
    return export;
  }

  /**
   * @throws FleetcheckException EXPORT_NOT_FOUND
   */
  FleetExports.Export find(String exportId) {
    return exports
        .find(exportId)
        .orElseThrow(() -> new FleetcheckException(ErrorCode.EXPORT_NOT_FOUND, "no such export"));
  }

  /** A download link of the export valid {@link #LINK_VALIDITY}, audited. */
  URI link(FleetExports.Export export, ApiRequest request) {
    URI link = links.downloadLink(export.fileKey(), LINK_VALIDITY);
    audit("export.link_issued", request, Map.of("export_id", export.exportId()));
    return link;
  }

  Clock clock() {
    return clock;
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
