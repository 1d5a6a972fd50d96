package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.error.Causes;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.functions.common.FunctionLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route of a request by the route key API Gateway matched, applies the scope policy, runs
 * the route and turns every failure into the error shape. Every refusal writes a {@code
 * security.audit} line.
 */
final class ApiRouter {

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final FunctionLog log;

  ApiRouter(List<Route> routes, FunctionLog log) {
    routes.forEach(r -> this.routes.put(r.routeKey(), r));
    this.log = log;
  }

  ApiReply dispatch(ApiRequest request) {
    Route route = routes.get(request.routeKey());
    if (route == null) {
      return ApiReply.error(
          404, ErrorCode.ROUTE_NOT_FOUND, "no route " + request.routeKey(), request.requestId());
    }
    Optional<ErrorCode> refusal = ScopePolicy.refusal(route, request);
    if (refusal.isPresent()) {
      Map<String, Object> audit = new LinkedHashMap<>();
      audit.put("route", route.routeKey());
      audit.put("error_code", refusal.get().code());
      log.warn("security.audit", audit);
      return ApiReply.error(
          ApiReply.statusOf(refusal.get()),
          refusal.get(),
          "the token does not allow " + route.routeKey(),
          request.requestId());
    }
    try {
      return route.action().apply(request);
    } catch (FleetcheckException e) {
      return ApiReply.error(
          ApiReply.statusOf(e.errorCode()),
          e.errorCode(),
          Causes.redact(e.getMessage()),
          request.requestId());
    } catch (RuntimeException e) {
      log.error(
          "request.failed", Map.of("error_code", "internal_error", "message", Causes.describe(e)));
      return ApiReply.error(500, ErrorCode.INTERNAL_ERROR, "internal error", request.requestId());
    }
  }
}
