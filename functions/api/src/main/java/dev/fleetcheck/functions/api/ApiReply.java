package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;

/** A route's answer: the HTTP status and the JSON body. */
record ApiReply(int status, JsonNode body) {

  static final ObjectMapper JSON = new ObjectMapper();

  static ApiReply ok(JsonNode body) {
    return new ApiReply(200, body);
  }

  /** The error shape of every API error: {error_code, message, details, correlation_id}. */
  static ApiReply error(int status, ErrorCode code, String message, String correlationId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error_code", code.code());
    body.put("message", message);
    body.putObject("details");
    body.put("correlation_id", correlationId);
    return new ApiReply(status, body);
  }

  /** The HTTP status of a failure the use cases report. */
  static int statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT, CURSOR_INVALID, EVENT_MALFORMED -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case SCAN_NOT_FOUND, SWEEP_NOT_FOUND, REPORT_NOT_FOUND, ROUTE_NOT_FOUND -> 404;
      case IDEMPOTENCY_CONFLICT, REQUEST_IN_PROGRESS -> 409;
      default -> 500;
    };
  }
}
