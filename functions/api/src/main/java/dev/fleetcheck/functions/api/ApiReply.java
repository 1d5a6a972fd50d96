package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route's answer: the HTTP status, the body with its media type, and any headers of its own
 * ({@code Location}, {@code WWW-Authenticate}).
 */
record ApiReply(int status, String contentType, String body, Map<String, String> headers) {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPLICATION_JSON = "application/json";

  ApiReply {
    headers = Map.copyOf(headers);
  }

  static ApiReply ok(JsonNode body) {
    return new ApiReply(200, APPLICATION_JSON, body.toString(), Map.of());
  }

  /** 202: the work is accepted, {@code location} is where its state can be read. */
  static ApiReply accepted(JsonNode body, String location) {
    return new ApiReply(202, APPLICATION_JSON, body.toString(), Map.of("location", location));
  }

  static ApiReply text(String contentType, String body) {
    return new ApiReply(200, contentType, body, Map.of());
  }

  ApiReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiReply(status, contentType, body, more);
  }

  /** The error shape of every API error: {error_code, message, details, correlation_id}. */
  static ApiReply error(int status, ErrorCode code, String message, String correlationId) {
    return error(status, code, message, JSON.createObjectNode(), correlationId);
  }

  static ApiReply error(
      int status, ErrorCode code, String message, ObjectNode details, String correlationId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error_code", code.code());
    body.put("message", message);
    body.set("details", details);
    body.put("correlation_id", correlationId);
    return new ApiReply(status, APPLICATION_JSON, body.toString(), Map.of());
  }

  /** The HTTP status of a failure the use cases report. */
  static int statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT, INVALID_REPO_URL, CURSOR_INVALID, EVENT_MALFORMED -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case SCAN_NOT_FOUND, SWEEP_NOT_FOUND, REPORT_NOT_FOUND, EXPORT_NOT_FOUND, ROUTE_NOT_FOUND ->
          404;
      case IDEMPOTENCY_CONFLICT, REQUEST_IN_PROGRESS -> 409;
      case PAYLOAD_TOO_LARGE -> 413;
      default -> 500;
    };
  }
}
