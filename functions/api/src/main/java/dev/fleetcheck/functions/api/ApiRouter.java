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
 * Finds the route of a request (by the route key API Gateway matched, or by method and path for a
 * {@code $default} route), applies the scope policy, checks the input every route shares, runs the
 * route and turns every failure into the error shape. Every refusal writes a {@code security.audit}
 * line.
 */
final class ApiRouter {

  /** The largest request body any route reads; larger ones are refused with 413. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** The longest path parameter and query value accepted (IDs and names are far shorter). */
  static final int MAX_PARAMETER_LENGTH = 1024;

  static final String WWW_AUTHENTICATE = "Bearer realm=\"fleetcheck\"";

  /** Paths of the fleet web page: a path under it that no route knows gets an HTML 404. */
  static final String PAGE_PREFIX = "/fleet";

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final FunctionLog log;

  ApiRouter(List<Route> routes, FunctionLog log) {
    routes.forEach(
        r -> {
          if (this.routes.put(r.routeKey(), r) != null) {
            throw new IllegalArgumentException("two routes " + r.routeKey());
          }
        });
    this.log = log;
  }

  /** Every route, by route key. */
  Map<String, Route> routes() {
    return Map.copyOf(routes);
  }

  ApiReply dispatch(ApiRequest given) {
    Optional<ApiRequest> matched = match(given);
    if (matched.isEmpty()) {
      return error(
          isPagePath(given.rawPath()),
          404,
          ErrorCode.ROUTE_NOT_FOUND,
          "no such route",
          given.requestId());
    }
    ApiRequest request = matched.get();
    Route route = routes.get(request.routeKey());
    Optional<ErrorCode> refusal = ScopePolicy.refusal(route, request);
    if (refusal.isPresent()) {
      return refuse(route, request, refusal.get());
    }
    try {
      checkInput(request);
      return route.action().apply(request);
    } catch (FleetcheckException e) {
      int status = ApiReply.statusOf(e.errorCode());
      if (status >= 500) {
        return internal(route, e.errorCode(), Causes.describe(e), request);
      }
      return error(
          route.page(), status, e.errorCode(), Causes.redact(e.getMessage()), request.requestId());
    } catch (RuntimeException e) {
      return internal(route, ErrorCode.INTERNAL_ERROR, Causes.describe(e), request);
    }
  }

  private static boolean isPagePath(String path) {
    return path.equals(PAGE_PREFIX) || path.startsWith(PAGE_PREFIX + "/");
  }

  /** The error shape for a program, or the error page for a person's browser. */
  private static ApiReply error(
      boolean page, int status, ErrorCode code, String message, String correlationId) {
    return page
        ? FleetHtml.error(status, code, message, correlationId)
        : ApiReply.error(status, code, message, correlationId);
  }

  private Optional<ApiRequest> match(ApiRequest request) {
    Route byKey = routes.get(request.routeKey());
    if (byKey != null) {
      // API Gateway matched the route; a path parameter it did not pass is read off the path.
      return Optional.of(
          byKey
              .match(byKey.method(), request.rawPath())
              .filter(p -> request.pathParameters().isEmpty())
              .map(request::withPathParameters)
              .orElse(request));
    }
    for (Route route : routes.values()) {
      Optional<Map<String, String>> parameters = route.match(request.method(), request.rawPath());
      if (parameters.isPresent()) {
        return Optional.of(
            new ApiRequest(
                route.routeKey(),
                request.method(),
                request.rawPath(),
                parameters.get(),
                request.query(),
                request.headers(),
                request.body(),
                request.bodyBytes(),
                request.bodyReadable(),
                request.requestId(),
                request.scopes()));
      }
    }
    return Optional.empty();
  }

  private ApiReply refuse(Route route, ApiRequest request, ErrorCode refusal) {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("action", "request.refused");
    audit.put("route", route.routeKey());
    audit.put("error_code", refusal.code());
    if (route.access() instanceof Route.Access.Scope scope) {
      audit.put("required_scope", scope.name());
    }
    audit.put("request_id", request.requestId());
    log.warn("security.audit", audit);
    if (refusal == ErrorCode.UNAUTHENTICATED) {
      return error(
              route.page(),
              401,
              refusal,
              "this route needs a bearer token that the authorizer verified",
              request.requestId())
          .withHeader("www-authenticate", WWW_AUTHENTICATE);
    }
    return error(
        route.page(),
        ApiReply.statusOf(refusal),
        refusal,
        "the token does not allow " + route.routeKey(),
        request.requestId());
  }

  /** What every route's input must satisfy before a route reads it. */
  private static void checkInput(ApiRequest request) {
    if (request.bodyBytes() > MAX_BODY_BYTES) {
      throw new FleetcheckException(
          ErrorCode.PAYLOAD_TOO_LARGE, "a request body has at most " + MAX_BODY_BYTES + " bytes");
    }
    if (!request.bodyReadable()) {
      throw new FleetcheckException(
          ErrorCode.EVENT_MALFORMED, "the request body is not valid base64");
    }
    request.pathParameters().values().forEach(ApiRouter::checkParameter);
    request.query().keySet().forEach(ApiRouter::checkParameter);
    request.query().values().forEach(ApiRouter::checkParameter);
  }

  private static void checkParameter(String value) {
    if (value.length() > MAX_PARAMETER_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT,
          "path parameters and query parameters have at most "
              + MAX_PARAMETER_LENGTH
              + " characters and no control characters");
    }
  }

  private ApiReply internal(Route route, ErrorCode code, String description, ApiRequest request) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("error_code", code.code());
    fields.put("message", description);
    fields.put("route", request.routeKey());
    log.error("request.failed", fields);
    return error(
        route.page(), 500, code, "the service could not complete the request", request.requestId());
  }
}
