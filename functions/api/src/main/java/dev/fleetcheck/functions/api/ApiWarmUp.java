package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.functions.common.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's stream entry on a constant request, run during init while another thread builds the SDK
 * clients (ADR 0032): the event's JSON read into the events library's type, the request parsed
 * (headers, scopes, request ID), a JSON reply and an error reply mapped and written. Nothing
 * reaches a port or the log; the first real request starts from the same state.
 */
final class ApiWarmUp {

  private static final byte[] REQUEST =
      ("{\"version\":\"2.0\",\"routeKey\":\"GET /v1/scans/{id}\",\"rawPath\":\"/v1/scans/warm-up\","
              + "\"headers\":{\"x-request-id\":\"warm-up\"},\"pathParameters\":{\"id\":\"warm-up\"},"
              + "\"requestContext\":{\"routeKey\":\"GET /v1/scans/{id}\",\"http\":{\"method\":\"GET\"},"
              + "\"authorizer\":{\"jwt\":{\"claims\":{\"scope\":\"scans:read\"}}}}}")
          .getBytes(StandardCharsets.UTF_8);

  private ApiWarmUp() {}

  static void run() {
    try {
      APIGatewayV2HTTPEvent event =
          ApiEvents.event(EventJson.read(new ByteArrayInputStream(REQUEST)));
      String requestId = ApiRequest.requestIdOf(event);
      ApiRequest.of(event, requestId);
      JsonNode body = ApiReply.JSON.createObjectNode().put("scan_id", "warm-up");
      EventJson.write(
          ApiEvents.json(HttpResponses.of(ApiReply.ok(body), requestId)),
          OutputStream.nullOutputStream());
      EventJson.write(
          ApiEvents.json(
              HttpResponses.of(
                  ApiReply.error(404, ErrorCode.SCAN_NOT_FOUND, "warm-up", requestId), requestId)),
          OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
