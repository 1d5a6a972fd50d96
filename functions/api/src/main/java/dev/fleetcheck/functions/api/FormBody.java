package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A form a browser posted ({@code application/x-www-form-urlencoded}): known fields only, each at
 * most once, values without control characters. Anything else is INVALID_ARGUMENT.
 */
final class FormBody {

  private final Map<String, String> fields;

  private FormBody(Map<String, String> fields) {
    this.fields = fields;
  }

  static FormBody of(ApiRequest request, Set<String> allowed) {
    String type = request.header("content-type").orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw invalid("the form must be sent as application/x-www-form-urlencoded");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.body().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!allowed.contains(name)) {
        throw invalid("the form has a field this page does not know");
      }
      if (fields.put(name, value) != null) {
        throw invalid("a form field is given twice");
      }
      if (value.chars().anyMatch(Character::isISOControl)) {
        throw invalid("form fields have no control characters");
      }
    }
    return new FormBody(fields);
  }

  /** The field's value when given and not blank; longer than {@code maxChars}: INVALID_ARGUMENT. */
  Optional<String> text(String name, int maxChars) {
    Optional<String> value = Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    if (value.isPresent() && value.get().length() > maxChars) {
      throw invalid("the form field " + name + " has at most " + maxChars + " characters");
    }
    return value;
  }

  String required(String name, int maxChars) {
    return text(name, maxChars)
        .orElseThrow(() -> invalid("the form field " + name + " is required"));
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("the form is not URL-encoded");
    }
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
