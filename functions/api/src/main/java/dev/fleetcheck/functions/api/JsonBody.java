package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A request's JSON object body, read strictly: a field the route does not know, or a field of the
 * wrong type, is INVALID_ARGUMENT, so that a typo is an error instead of a silent default.
 */
final class JsonBody {

  private final ObjectNode node;
  private final String where;

  private JsonBody(ObjectNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** The body as an object with only the {@code known} fields; an empty body is {@code {}}. */
  static JsonBody of(ApiRequest request, Set<String> known) {
    String contentType = request.header("content-type").orElse("application/json");
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw invalid("the request body must be application/json");
    }
    if (request.body().isBlank()) {
      return new JsonBody(ApiReply.JSON.createObjectNode(), "body").only(known);
    }
    JsonNode parsed;
    try {
      parsed = ApiReply.JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw invalid("the request body is not valid JSON");
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw invalid("the request body must be a JSON object");
    }
    return new JsonBody(object, "body").only(known);
  }

  /** The nested object {@code name} with only the {@code known} fields; empty when absent. */
  JsonBody object(String name, Set<String> known) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return new JsonBody(ApiReply.JSON.createObjectNode(), name).only(known);
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(name + " must be an object");
    }
    return new JsonBody(object, name).only(known);
  }

  /** The text field {@code name}: absent, null or blank is empty; another type is invalid. */
  Optional<String> text(String name, int maxLength) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(name + " must be a string");
    }
    String text = value.textValue().strip();
    if (text.length() > maxLength || text.chars().anyMatch(Character::isISOControl)) {
      throw invalid(name + " has at most " + maxLength + " characters and no control characters");
    }
    return Optional.of(text).filter(t -> !t.isEmpty());
  }

  String requiredText(String name, int maxLength) {
    return text(name, maxLength).orElseThrow(() -> invalid(name + " is required"));
  }

  private JsonBody only(Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(
            (where.equals("body") ? "the body" : where)
                + " has an unknown field; known fields: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
    return this;
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
