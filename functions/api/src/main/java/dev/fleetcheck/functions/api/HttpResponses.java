package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reply as API Gateway's HTTP API response, with the request ID echoed; an HTML page also gets
 * the page's Content-Security-Policy and the other headers of {@link FleetHtml#SECURITY_HEADERS}.
 */
final class HttpResponses {

  private HttpResponses() {}

  static APIGatewayV2HTTPResponse of(ApiReply reply, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>(reply.headers());
    headers.put("content-type", reply.contentType());
    headers.put("x-request-id", requestId);
    headers.put("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    if (reply.contentType().startsWith("text/html")) {
      headers.putAll(FleetHtml.SECURITY_HEADERS);
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(reply.status())
        .withHeaders(headers)
        .withBody(reply.body())
        .withIsBase64Encoded(false)
        .build();
  }
}
