package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One API request as the routes see it: the route key API Gateway matched, the method and raw path,
 * path and query parameters, headers (names in lower case), the body, the request ID (the caller's
 * {@code X-Request-Id} when it is a safe token, else a new one) and the scopes of the identity the
 * JWT authorizer verified (absent when it verified none).
 *
 * @param body the body as text; empty when the request has none
 * @param bodyBytes the size of the body in bytes, as sent
 * @param bodyReadable false when a base64-encoded body does not decode
 */
record ApiRequest(
    String routeKey,
    String method,
    String rawPath,
    Map<String, String> pathParameters,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    long bodyBytes,
    boolean bodyReadable,
    String requestId,
    Optional<Set<String>> scopes) {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/=+-]{1,128}");

  ApiRequest {
    pathParameters = Map.copyOf(pathParameters);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** A request without headers or body (tests, and the policy's own checks). */
  ApiRequest(
      String routeKey,
      Map<String, String> pathParameters,
      Map<String, String> query,
      String requestId,
      Optional<Set<String>> scopes) {
    this(routeKey, "", "", pathParameters, query, Map.of(), "", 0, true, requestId, scopes);
  }

  /**
   * The request an event carries, under {@code requestId} ({@link #requestIdOf}); never throws,
   * whatever the event holds.
   */
  static ApiRequest of(APIGatewayV2HTTPEvent event, String requestId) {
    Map<String, String> headers = headers(event.getHeaders());
    String raw = event.getBody() == null ? "" : event.getBody();
    String body = raw;
    long bytes = raw.getBytes(StandardCharsets.UTF_8).length;
    boolean readable = true;
    if (event.getIsBase64Encoded() && !raw.isEmpty()) {
      try {
        byte[] decoded = Base64.getDecoder().decode(raw);
        bytes = decoded.length;
        body = new String(decoded, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        readable = false;
        body = "";
      }
    }
    var context = event.getRequestContext();
    String method =
        context != null && context.getHttp() != null && context.getHttp().getMethod() != null
            ? context.getHttp().getMethod()
            : "";
    return new ApiRequest(
        String.valueOf(event.getRouteKey()),
        method.toUpperCase(Locale.ROOT),
        event.getRawPath() == null ? "" : event.getRawPath(),
        withoutNulls(event.getPathParameters()),
        withoutNulls(event.getQueryStringParameters()),
        headers,
        body,
        bytes,
        readable,
        requestId,
        scopes(event));
  }

  /** The request ID of an event, computed alone (the log names the invocation before parsing). */
  static String requestIdOf(APIGatewayV2HTTPEvent event) {
    return requestId(headers(event.getHeaders()));
  }

  ApiRequest withPathParameters(Map<String, String> parameters) {
    return new ApiRequest(
        routeKey,
        method,
        rawPath,
        parameters,
        query,
        headers,
        body,
        bodyBytes,
        bodyReadable,
        requestId,
        scopes);
  }

  String path(String name) {
    return pathParameters.getOrDefault(name, "");
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
        .filter(v -> !v.isBlank());
  }

  String requiredQuery(String name) {
    return query(name)
        .orElseThrow(
            () ->
                new FleetcheckException(
                    ErrorCode.INVALID_ARGUMENT, "the query parameter " + name + " is required"));
  }

  private static Map<String, String> headers(Map<String, String> raw) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (raw != null) {
      raw.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
          });
    }
    return headers;
  }

  private static String requestId(Map<String, String> headers) {
    String given = headers.get("x-request-id");
    return given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }

  /**
   * The scopes of the JWT the authorizer verified: its {@code scope} claim (space separated) or
   * {@code scp}; absent when the event carries no verified claims at all.
   */
  private static Optional<Set<String>> scopes(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null
        || context.getAuthorizer() == null
        || context.getAuthorizer().getJwt() == null) {
      return Optional.empty();
    }
    var jwt = context.getAuthorizer().getJwt();
    Map<String, String> claims = withoutNulls(jwt.getClaims());
    if (claims.isEmpty() && (jwt.getScopes() == null || jwt.getScopes().isEmpty())) {
      return Optional.empty();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String claim : List.of("scope", "scp")) {
      String value = claims.get(claim);
      if (value != null) {
        Arrays.stream(value.replaceAll("[\\[\\]\",]", " ").split("\\s+"))
            .filter(s -> !s.isBlank())
            .forEach(scopes::add);
      }
    }
    if (jwt.getScopes() != null) {
      jwt.getScopes().stream().filter(s -> s != null && !s.isBlank()).forEach(scopes::add);
    }
    return Optional.of(Set.copyOf(scopes));
  }

  private static Map<String, String> withoutNulls(Map<String, String> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              copy.put(k, v);
            }
          });
    }
    return copy;
  }
}
