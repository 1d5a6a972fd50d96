package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.port.PageRequest;
import java.util.List;

/** The read routes over stored results: scans, repositories, findings, rules. */
final class ReadRoutes {

  static final String READ = "scans:read";
  private static final int DEFAULT_LIMIT = 50;

  private final FleetQueries queries;
  private final Catalogue catalogue;

  ReadRoutes(FleetQueries queries, Catalogue catalogue) {
    this.queries = queries;
    this.catalogue = catalogue;
  }

  List<Route> routes() {
    return List.of(
        Route.scoped("GET /v1/scans/{id}", READ, this::scan),
        Route.scoped("GET /v1/repos", READ, this::repos),
        Route.scoped("GET /v1/repos/{repo}/scans", READ, this::history),
        Route.scoped("GET /v1/findings", READ, this::findings),
        Route.scoped("GET /v1/rules", READ, r -> ApiReply.ok(Views.rules(catalogue.entries()))));
  }

  private ApiReply scan(ApiRequest request) {
    String id = request.path("id");
    return queries
        .scan(id)
        .map(details -> ApiReply.ok(Views.scanDetails(details)))
        .orElseThrow(() -> new FleetcheckException(ErrorCode.SCAN_NOT_FOUND, "no such scan"));
  }

  private ApiReply repos(ApiRequest request) {
    LatestFilter filter = Filters.of(request);
    return ApiReply.ok(Views.page(queries.latest(filter, page(request)), Views::scan));
  }

  private ApiReply history(ApiRequest request) {
    return ApiReply.ok(
        Views.page(queries.history(request.path("repo"), page(request)), Views::scan));
  }

  private ApiReply findings(ApiRequest request) {
    String rule = request.requiredQuery("rule");
    var page =
        request
            .query("sweep")
            .map(sweep -> queries.failing(sweep, rule, page(request)))
            .orElseGet(() -> queries.failingInLatestSweep(rule, page(request)));
    return ApiReply.ok(Views.page(page, Views::ruleFailure));
  }

  /** The page a request asks for: {@code limit} (default 50) and {@code cursor}. */
  static PageRequest page(ApiRequest request) {
    int limit;
    try {
      limit = request.query("limit").map(v -> Integer.parseInt(v.strip())).orElse(DEFAULT_LIMIT);
    } catch (NumberFormatException e) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "limit must be an integer");
    }
    return new PageRequest(limit, request.query("cursor"));
  }
}
