package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** A reply as API Gateway's HTTP API response, with the request ID echoed. */
final class HttpResponses {

  private HttpResponses() {}

  static APIGatewayV2HTTPResponse of(ApiReply reply, String requestId) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(reply.status())
        .withHeaders(Map.of("content-type", "application/json", "x-request-id", requestId))
        .withBody(reply.body().toString())
        .withIsBase64Encoded(false)
        .build();
  }
}
