package dev.fleetcheck.infra;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a CloudFormation YAML template into a JSON tree in which the short-form tags ({@code !Ref
 * X}, {@code !GetAtt A.B}, {@code !Sub ...}) become their long forms ({@code {"Ref": "X"}}, {@code
 * {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": ...}}), as CloudFormation itself reads them. A
 * plain YAML reader keeps the value and drops the tag, which would turn {@code !Ref Bucket} into
 * the literal text "Bucket".
 */
final class CloudFormationYaml {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CloudFormationYaml() {}

  static JsonNode read(String yaml) {
    try (YAMLParser parser = YAML.createParser(yaml)) {
      if (parser.nextToken() == null) {
        throw new IllegalArgumentException("the template is empty");
      }
      return node(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("the template is not YAML", e);
    }
  }

  private static JsonNode node(YAMLParser parser) throws IOException {
    // The tag belongs to the node that starts here; read it before the children move the parser.
    String tag = parser.getTypeId();
    JsonNode value =
        switch (parser.currentToken()) {
          case START_OBJECT -> object(parser);
          case START_ARRAY -> array(parser);
          case VALUE_STRING -> NODES.textNode(parser.getText());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          default -> throw new IOException("unexpected " + parser.currentToken());
        };
    return tag == null || tag.startsWith("tag:yaml.org") ? value : intrinsic(tag, value);
  }

  private static ObjectNode object(YAMLParser parser) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      object.set(field, node(parser));
    }
    return object;
  }

  private static ArrayNode array(YAMLParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(node(parser));
    }
    return array;
  }

  private static JsonNode intrinsic(String tag, JsonNode value) {
    String name = tag.startsWith("!") ? tag.substring(1) : tag;
    ObjectNode longForm = NODES.objectNode();
    switch (name) {
      case "Ref", "Condition" -> longForm.set(name, value);
      case "GetAtt" -> {
        if (value.isTextual()) {
          String[] parts = value.asText().split("\\.", 2);
          ArrayNode pair = longForm.putArray("Fn::GetAtt");
          pair.add(parts[0]);
          pair.add(parts.length > 1 ? parts[1] : "");
        } else {
          longForm.set("Fn::GetAtt", value);
        }
      }
      default -> longForm.set("Fn::" + name, value);
    }
    return longForm;
  }
}
