package dev.fleetcheck.core.rules.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.aws.ServerlessTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository's own SAM and Serverless Framework templates (as {@link ServerlessTemplates} finds
 * them: outside test and example code), parsed, with a way to point evidence at a resource's line.
 */
public final class LambdaTemplates {

  /** One parsed template. */
  public record Template(
      String path, ServerlessTemplate.Kind kind, JsonNode root, List<String> lines) {

    /**
     * The line of {@code key} under the top-level {@code section} ({@code Resources}, {@code
     * functions}), or of the section itself; 0 when neither is found.
     */
    public int lineOf(String section, String key) {
      int from = -1;
      for (int i = 0; i < lines.size(); i++) {
        String trimmed = lines.get(i).trim().replace("\"", "");
        if (from < 0 && trimmed.startsWith(section + ":")) {
          from = i;
        } else if (from >= 0 && trimmed.startsWith(key + ":")) {
          return i + 1;
        }
      }
      return from + 1;
    }

    /**
     * The first line at or after {@code line} (1-based) that contains {@code text}; else {@code
     * line}.
     */
    public int lineAfter(int line, String text) {
      for (int i = Math.max(0, line - 1); i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
      return line;
    }
  }

  private LambdaTemplates() {}

  public static List<Template> read(Facts facts) {
    List<Template> templates = new ArrayList<>();
    for (ServerlessTemplate template : facts.get(ServerlessTemplates.FACT)) {
      if (template.kind() == ServerlessTemplate.Kind.SAMCONFIG) {
        continue;
      }
      String path = template.path();
      Optional<JsonNode> root =
          path.endsWith(".json")
              ? ConfigParsers.json(facts, path).asOptional()
              : ConfigParsers.yaml(facts, path).asOptional();
      Optional<String> text = facts.snapshot().readText(path);
      if (root.isPresent() && root.get().isObject() && text.isPresent()) {
        templates.add(new Template(path, template.kind(), root.get(), TextLines.of(text.get())));
      }
    }
    return templates;
  }
}
