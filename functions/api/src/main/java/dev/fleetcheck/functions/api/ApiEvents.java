package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.common.EventJson.list;
import static dev.fleetcheck.functions.common.EventJson.object;
import static dev.fleetcheck.functions.common.EventJson.strings;
import static dev.fleetcheck.functions.common.EventJson.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway's HTTP API payload (version 2.0) read from the event's JSON tree into the events
 * library's type, and the response written back, for {@link ApiHandler}'s stream entry. It reads
 * what {@link ApiRequest} uses and the request context's identifying fields; the rest of the
 * payload is ignored, as the typed entry ignores it.
 */
final class ApiEvents {

  private ApiEvents() {}

  /** The event; null for a JSON {@code null} (the typed entry answers it as an empty request). */
  static APIGatewayV2HTTPEvent event(JsonNode json) {
    if (!json.isObject()) {
      return null;
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion(text(json, "version"));
    event.setRouteKey(text(json, "routeKey"));
    event.setRawPath(text(json, "rawPath"));
    event.setRawQueryString(text(json, "rawQueryString"));
    event.setCookies(list(json, "cookies"));
    event.setHeaders(strings(json, "headers"));
    event.setQueryStringParameters(strings(json, "queryStringParameters"));
    event.setPathParameters(strings(json, "pathParameters"));
    event.setStageVariables(strings(json, "stageVariables"));
    event.setBody(text(json, "body"));
    event.setIsBase64Encoded(json.path("isBase64Encoded").asBoolean(false));
    JsonNode context = json.get("requestContext");
    if (context != null && context.isObject()) {
      event.setRequestContext(context(context));
    }
    return event;
  }

  private static RequestContext context(JsonNode json) {
    RequestContext context = new RequestContext();
    context.setRouteKey(text(json, "routeKey"));
    context.setAccountId(text(json, "accountId"));
    context.setApiId(text(json, "apiId"));
    context.setDomainName(text(json, "domainName"));
    context.setDomainPrefix(text(json, "domainPrefix"));
    context.setRequestId(text(json, "requestId"));
    context.setStage(text(json, "stage"));
    context.setTime(text(json, "time"));
    context.setTimeEpoch(json.path("timeEpoch").asLong(0));
    JsonNode http = json.get("http");
    if (http != null && http.isObject()) {
      context.setHttp(
          new RequestContext.Http(
              text(http, "method"),
              text(http, "path"),
              text(http, "protocol"),
              text(http, "sourceIp"),
              text(http, "userAgent")));
    }
    JsonNode jwt = object(object(json, "authorizer"), "jwt");
    if (jwt.isObject()) {
      RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
      authorizer.setJwt(
          new RequestContext.Authorizer.JWT(strings(jwt, "claims"), list(jwt, "scopes")));
      context.setAuthorizer(authorizer);
    }
    return context;
  }

  /** The response as API Gateway reads it: status, headers, body and the base64 flag. */
  static Map<String, Object> json(APIGatewayV2HTTPResponse response) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("statusCode", response.getStatusCode());
    if (response.getHeaders() != null) {
      json.put("headers", response.getHeaders());
    }
    if (response.getMultiValueHeaders() != null) {
      json.put("multiValueHeaders", response.getMultiValueHeaders());
    }
    if (response.getCookies() != null) {
      json.put("cookies", response.getCookies());
    }
    if (response.getBody() != null) {
      json.put("body", response.getBody());
    }
    json.put("isBase64Encoded", response.getIsBase64Encoded());
    return json;
  }
}
