package dev.fleetcheck.functions.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the handlers' stream entries ({@code RequestStreamHandler}): the event's bytes read
 * into a tree and the answer written by the functions' own Jackson. The Lambda runtime's POJO path
 * would load its serialisation library (a second, shaded Jackson: about 700 classes) on every cold
 * start; the tree model needs no reflection over the event classes either (ADR 0025).
 */
public final class EventJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  /** The event; a {@code null} event or an empty stream is a {@link NullNode}. */
  public static JsonNode read(InputStream in) throws IOException {
    JsonNode node = JSON.readTree(in);
    return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
  }

  /**
   * The event as a map (a JSON object), or null when it is not one: objects as maps in their order,
   * arrays as lists, numbers as Integer, Long, BigInteger or Double (as Jackson's untyped mapping
   * gives them), null as null. Walked by hand: {@code convertValue} would build a map deserializer
   * by introspecting the map class, dozens of reflection-heavy classes on a cold start for a
   * document of a few fields (ADR 0032).
   */
  public static Map<String, Object> map(JsonNode event) {
    return event.isObject() ? object(event) : null;
  }

  private static Map<String, Object> object(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    node.properties().forEach(entry -> map.put(entry.getKey(), value(entry.getValue())));
    return map;
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      return object(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.isFloatingPointNumber() ? (Object) node.doubleValue() : node.numberValue();
    }
    return null; // JSON null (a tree read from text holds no other kind)
  }

  /** Writes {@code value} (maps, lists, strings, numbers, booleans) as one JSON document. */
  public static void write(Object value, OutputStream out) throws IOException {
    JSON.writeValue(out, value);
  }

  /** The text of {@code field}, or null when it is absent, null or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** The object {@code field} as string pairs (nulls and containers dropped), or null. */
  public static Map<String, String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    value
        .properties()
        .forEach(
            entry -> {
              if (!entry.getValue().isNull() && !entry.getValue().isContainerNode()) {
                map.put(entry.getKey(), entry.getValue().asText());
              }
            });
    return map;
  }

  /** The array {@code field} as strings (nulls and containers dropped), or null. */
  public static List<String> list(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isNull() && !item.isContainerNode()) {
        list.add(item.asText());
      }
    }
    return list;
  }

  /** The object {@code field}, or a {@link NullNode} when it is absent or not an object. */
  public static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isObject() ? value : NullNode.getInstance();
  }
}
