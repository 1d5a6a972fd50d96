package dev.fleetcheck.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A CloudFormation/SAM template as a tree, with the look-ups the checks need. */
record Template(ObjectNode root) {

  static Template read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Template parse(String yamlOrJson) {
    return new Template((ObjectNode) CloudFormationYaml.read(yamlOrJson));
  }

  /** A deep copy to mutate in a test without touching this one. */
  Template copy() {
    return new Template(root.deepCopy());
  }

  JsonNode resource(String logicalId) {
    JsonNode resource = root.path("Resources").path(logicalId);
    if (resource.isMissingNode()) {
      throw new IllegalArgumentException("no resource " + logicalId);
    }
    return resource;
  }

  ObjectNode properties(String logicalId) {
    return (ObjectNode) resource(logicalId).path("Properties");
  }

  Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    root.path("Resources")
        .properties()
        .forEach(
            entry -> {
              if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
              }
            });
    return found;
  }

  /** A function's property, falling back to Globals.Function as SAM does. */
  JsonNode functionProperty(String logicalId, String property) {
    JsonNode own = properties(logicalId).path(property);
    return own.isMissingNode() ? root.path("Globals").path("Function").path(property) : own;
  }

  /** The events of a SAM function with the given type, by name. */
  Map<String, JsonNode> events(String functionId, String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    properties(functionId)
        .path("Events")
        .properties()
        .forEach(
            entry -> {
              if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue().path("Properties"));
              }
            });
    return found;
  }

  JsonNode parameter(String name) {
    return root.path("Parameters").path(name);
  }

  /** The logical id a {@code Ref} or {@code Fn::GetAtt} node points at, if it is one. */
  static Optional<String> target(JsonNode node) {
    if (node.has("Ref")) {
      return Optional.of(node.get("Ref").asText());
    }
    if (node.has("Fn::GetAtt")) {
      return Optional.of(node.get("Fn::GetAtt").path(0).asText());
    }
    return Optional.empty();
  }

  static boolean isRef(JsonNode node, String logicalId) {
    return node.has("Ref") && logicalId.equals(node.get("Ref").asText());
  }

  static boolean isGetAtt(JsonNode node, String logicalId, String attribute) {
    JsonNode pair = node.path("Fn::GetAtt");
    return logicalId.equals(pair.path(0).asText()) && attribute.equals(pair.path(1).asText());
  }
}
