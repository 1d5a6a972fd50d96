package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One API request as the routes see it: the route key API Gateway matched, path and query
 * parameters, the request ID (the caller's {@code X-Request-Id} when it is a safe token, else a new
 * one) and the identity the JWT authorizer verified (absent when it verified none).
 */
record ApiRequest(
    String routeKey,
    Map<String, String> pathParameters,
    Map<String, String> query,
    String requestId,
    Optional<Set<String>> scopes) {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/=+-]{1,128}");

  static ApiRequest of(APIGatewayV2HTTPEvent event) {
    return new ApiRequest(
        String.valueOf(event.getRouteKey()),
        orEmpty(event.getPathParameters()),
        orEmpty(event.getQueryStringParameters()),
        requestId(orEmpty(event.getHeaders())),
        scopes(event));
  }

  String path(String name) {
    return pathParameters.getOrDefault(name, "");
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
  }

  String requiredQuery(String name) {
    return query(name)
        .orElseThrow(
            () ->
                new FleetcheckException(
                    ErrorCode.INVALID_ARGUMENT, "the query parameter " + name + " is required"));
  }

  private static String requestId(Map<String, String> headers) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals("x-request-id"))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && SAFE_ID.matcher(v).matches())
        .findFirst()
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /** The scopes of the verified JWT: its {@code scope} claim (space separated) or {@code scp}. */
  private static Optional<Set<String>> scopes(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null
        || context.getAuthorizer() == null
        || context.getAuthorizer().getJwt() == null) {
      return Optional.empty();
    }
    var jwt = context.getAuthorizer().getJwt();
    Set<String> scopes = new LinkedHashSet<>();
    Map<String, String> claims = orEmpty(jwt.getClaims());
    for (String claim : List.of("scope", "scp")) {
      String value = claims.get(claim);
      if (value != null) {
        Arrays.stream(value.replaceAll("[\\[\\]\",]", " ").split("\\s+"))
            .filter(s -> !s.isBlank())
            .forEach(scopes::add);
      }
    }
    if (jwt.getScopes() != null) {
      scopes.addAll(jwt.getScopes());
    }
    return Optional.of(Set.copyOf(scopes));
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
