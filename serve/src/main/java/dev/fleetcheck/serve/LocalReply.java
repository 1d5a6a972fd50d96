package dev.fleetcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer the server gives itself, before or beside the API handler (429, 413, 401 for a token it
 * refused, the login page): status, headers and body, in the API's error shape for errors.
 */
record LocalReply(int status, Map<String, List<String>> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  LocalReply {
    headers = Map.copyOf(headers);
  }

  /** {@code {error_code, message, details, correlation_id}}, as the API handler writes errors. */
  static LocalReply error(int status, ErrorCode code, String message, String requestId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error_code", code.code());
    body.put("message", message);
    body.set("details", JSON.createObjectNode());
    body.put("correlation_id", requestId);
    return new LocalReply(
            status,
            Map.of("content-type", List.of("application/json")),
            body.toString().getBytes(StandardCharsets.UTF_8))
        .withHeader("cache-control", "no-store")
        .withHeader("x-content-type-options", "nosniff");
  }

  static LocalReply html(int status, String page) {
    return new LocalReply(
            status,
            Map.of("content-type", List.of("text/html; charset=utf-8")),
            page.getBytes(StandardCharsets.UTF_8))
        .withHeader("cache-control", "no-store")
        .withHeader("x-content-type-options", "nosniff")
        .withHeader("content-security-policy", LoginPage.CSP)
        .withHeader("referrer-policy", "no-referrer")
        .withHeader("x-frame-options", "DENY");
  }

  /** 303 to {@code location} (after a form post). */
  static LocalReply seeOther(String location) {
    return new LocalReply(303, Map.of("location", List.of(location)), new byte[0])
        .withHeader("cache-control", "no-store");
  }

  /** This reply with one more value of {@code name} (names in lower case). */
  LocalReply withHeader(String name, String value) {
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    more.merge(
        name,
        List.of(value),
        (a, b) -> {
          List<String> joined = new java.util.ArrayList<>(a);
          joined.addAll(b);
          return List.copyOf(joined);
        });
    return new LocalReply(status, more, body);
  }
}
