package dev.fleetcheck.functions.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One API route: the route key template.yaml declares (METHOD path), who may call it, what it does,
 * and whether it answers a person's browser (an HTML page, whose errors are HTML pages too) or a
 * program (JSON).
 */
record Route(String routeKey, Access access, Function<ApiRequest, ApiReply> action, boolean page) {

  /** Who may call a route; a route that declares no access is denied to everyone. */
  sealed interface Access {
    /** Callers whose verified JWT carries this scope. */
    record Scope(String name) implements Access {}

    /** Anyone, without a token (the published API description). */
    record Public() implements Access {}

    /** Nothing declared: denied. */
    record Undeclared() implements Access {}
  }

  Route {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(action, "action");
  }

  /** A route answering JSON. */
  Route(String routeKey, Access access, Function<ApiRequest, ApiReply> action) {
    this(routeKey, access, action, false);
  }

  static Route scoped(String routeKey, String scope, Function<ApiRequest, ApiReply> action) {
    return new Route(routeKey, new Access.Scope(scope), action);
  }

  /** A route of the fleet web page: HTML for a browser, errors included. */
  static Route page(String routeKey, String scope, Function<ApiRequest, ApiReply> action) {
    return new Route(routeKey, new Access.Scope(scope), action, true);
  }

  static Route open(String routeKey, Function<ApiRequest, ApiReply> action) {
    return new Route(routeKey, new Access.Public(), action);
  }

  String method() {
    return routeKey.substring(0, routeKey.indexOf(' '));
  }

  String pathTemplate() {
    return routeKey.substring(routeKey.indexOf(' ') + 1);
  }

  /**
   * The path parameters when {@code method} and {@code rawPath} fit this route (as API Gateway
   * would match them for a {@code $default} route, or {@code fleetcheck serve} for its requests);
   * each {@code {name}} takes one non-empty, percent-decoded segment.
   */
  Optional<Map<String, String>> match(String method, String rawPath) {
    if (!method().equals(method)) {
      return Optional.empty();
    }
    String[] expected = pathTemplate().split("/", -1);
    String[] actual = rawPath.split("/", -1);
    if (expected.length != actual.length) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < expected.length; i++) {
      String part = expected[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        Optional<String> value = decode(actual[i]).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
          return Optional.empty();
        }
        parameters.put(part.substring(1, part.length() - 1), value.get());
      } else if (!part.equals(actual[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }

  /** A percent-decoded path segment; empty when an escape or the UTF-8 it encodes is broken. */
  private static Optional<String> decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return Optional.empty();
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
