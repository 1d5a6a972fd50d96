package dev.fleetcheck.core.waiver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Locale;
import java.util.Map;

/**
 * A decision record's YAML front matter (between {@code ---} lines at the top), read with the YAML
 * parser so that {@code waives:} may be a flow list, a block list over several lines, or a string,
 * and {@code rationale:} may be a folded block.
 */
final class FrontMatter {

  private static final YAMLMapper YAML = new YAMLMapper();

  private FrontMatter() {}

  /**
   * Adds what the front matter says to {@code fields} and returns the index of the first body line;
   * 0 when there is no front matter or it is not valid YAML (then the whole text is read as body).
   */
  static int read(String[] lines, WaiverRecords.Fields fields) {
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return 0;
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---") || line.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return 0;
    }
    JsonNode root;
    try {
      root = YAML.readTree(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close)));
    } catch (JacksonException e) {
      return 0;
    }
    if (root == null || !root.isObject()) {
      return 0;
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey().toLowerCase(Locale.ROOT);
      JsonNode value = field.getValue();
      switch (key) {
        case "waives" -> fields.addRuleIds(flatten(value), lineOfKey(lines, close, key));
        case "expires" -> {
          if (value.isValueNode() && fields.expiresText == null) {
            fields.expiresText = value.asText().trim();
          }
        }
        case "rationale" -> {
          if (value.isValueNode() && !value.asText().isBlank()) {
            fields.rationale = value.asText().strip().replaceAll("\\s+", " ");
          }
        }
        default -> {
          // other front matter (status, date, deciders) is not about waivers
        }
      }
    }
    return close + 1;
  }

  private static String flatten(JsonNode value) {
    if (value.isArray()) {
      StringBuilder all = new StringBuilder();
      value.forEach(item -> all.append(flatten(item)).append(' '));
      return all.toString();
    }
    return value.isValueNode() ? value.asText() : "";
  }

  private static int lineOfKey(String[] lines, int close, String key) {
    for (int i = 1; i < close; i++) {
      if (lines[i].toLowerCase(Locale.ROOT).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }
}
