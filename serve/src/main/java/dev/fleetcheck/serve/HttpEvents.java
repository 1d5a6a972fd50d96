package dev.fleetcheck.serve;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the API Gateway HTTP API (payload 2.0) would hand it to the API function for a
 * {@code $default} route: raw path and query string, parsed query parameters (repeated names joined
 * by commas), lower-case headers, cookies, the body (base64 when it is not UTF-8), and the request
 * context. The JWT authorizer's part is filled only from a token this server validated; the
 * credential itself (the {@code Authorization} header, the session cookie) is not passed on.
 */
final class HttpEvents {

  /** The request as received, headers already lower-cased (repeated values joined by commas). */
  record Received(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      String sourceIp,
      String requestId,
      Instant at) {}

  private HttpEvents() {}

  /**
   * @return empty when the query string does not decode (the caller answers 400)
   */
  static Optional<APIGatewayV2HTTPEvent> of(Received request, Optional<TokenCheck.Valid> identity) {
    Optional<Map<String, String>> query = query(request.rawQuery());
    if (query.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.remove("authorization");
    headers.remove("cookie");
    headers.put("x-request-id", request.requestId());
    List<String> cookies = new ArrayList<>();
    for (String pair : Cookies.pairs(request.headers().get("cookie"))) {
      if (!Cookies.named(pair, LoginPage.COOKIE)) {
        cookies.add(pair);
      }
    }
    String method = request.method().equals("HEAD") ? "GET" : request.method();

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(request.rawPath());
    event.setRawQueryString(request.rawQuery());
    event.setHeaders(headers);
    event.setQueryStringParameters(query.get().isEmpty() ? null : query.get());
    event.setCookies(cookies.isEmpty() ? null : cookies);
    body(event, request.body());

    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setRouteKey("$default");
    context.setStage("$default");
    context.setRequestId(request.requestId());
    context.setTimeEpoch(request.at().toEpochMilli());
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(request.rawPath());
    http.setProtocol("HTTP/1.1");
    http.setSourceIp(request.sourceIp());
    http.setUserAgent(request.headers().getOrDefault("user-agent", ""));
    context.setHttp(http);
    identity.ifPresent(valid -> context.setAuthorizer(authorizer(valid)));
    event.setRequestContext(context);
    return Optional.of(event);
  }

  private static APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer(
      TokenCheck.Valid valid) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(valid.claims());
    jwt.setScopes(List.copyOf(valid.scopes()));
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    return authorizer;
  }

  private static void body(APIGatewayV2HTTPEvent event, byte[] body) {
    if (body.length == 0) {
      event.setIsBase64Encoded(false);
      return;
    }
    try {
      event.setBody(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
      event.setIsBase64Encoded(false);
    } catch (CharacterCodingException e) {
      event.setBody(java.util.Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(true);
    }
  }

  /** Query parameters as API Gateway passes them: decoded, repeated names joined by commas. */
  static Optional<Map<String, String>> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.of(parameters);
    }
    try {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        parameters.merge(name, value, (a, b) -> a + "," + b);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(parameters);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
