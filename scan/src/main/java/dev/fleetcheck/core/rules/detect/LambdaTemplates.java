package dev.fleetcheck.core.rules.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.aws.ServerlessTemplates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's own SAM and Serverless Framework templates (as {@link ServerlessTemplates} finds
 * them: outside test and example code), parsed, with a way to point evidence at a resource's line.
 */
public final class LambdaTemplates {

  /** One parsed template. */
  public record Template(
      String path, ServerlessTemplate.Kind kind, JsonNode root, List<String> lines, KeyLines keys) {

    public Template(String path, ServerlessTemplate.Kind kind, JsonNode root, List<String> lines) {
      this(path, kind, root, lines, new KeyLines(lines));
    }

    /**
     * The line of {@code key} under the top-level {@code section} ({@code Resources}, {@code
     * functions}), or of the section itself; 0 when neither is found.
     */
    public int lineOf(String section, String key) {
      return keys.lineOf(section, key);
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

  /**
   * The line index behind {@link Template#lineOf}, built once per section on first use: a template
   * with one resource per handler was searched line by line for each of them, quadratic in the
   * handlers. Derived from the lines alone, so every instance equals every other and the record's
   * equality stays that of its parsed content.
   */
  public static final class KeyLines {
    private final List<String> lines;
    private final Map<String, Section> sections = new ConcurrentHashMap<>();

    KeyLines(List<String> lines) {
      this.lines = lines;
    }

    int lineOf(String section, String key) {
      Section index = sections.computeIfAbsent(section, this::index);
      return index.keys().getOrDefault(key, index.from() + 1);
    }

    /**
     * The first line starting with {@code section:}, and for every line after it each text before a
     * colon (the keys {@code trimmed.startsWith(key + ":")} accepts) with its first line.
     */
    private Section index(String section) {
      int from = -1;
      Map<String, Integer> keys = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String trimmed = lines.get(i).trim().replace("\"", "");
        if (from < 0) {
          if (trimmed.startsWith(section + ":")) {
            from = i;
          }
          continue;
        }
        for (int colon = trimmed.indexOf(':');
            colon >= 0;
            colon = trimmed.indexOf(':', colon + 1)) {
          keys.putIfAbsent(trimmed.substring(0, colon), i + 1);
        }
      }
      return new Section(from, keys);
    }

    private record Section(int from, Map<String, Integer> keys) {}

    @Override
    public boolean equals(Object other) {
      return other instanceof KeyLines;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Parsed once per scan: a dozen rules read the same templates. */
  private static final Fact<List<Template>> FACT =
      Fact.of("lambda-templates", LambdaTemplates::find);

  private LambdaTemplates() {}

  public static List<Template> read(Facts facts) {
    return facts.get(FACT);
  }

  private static List<Template> find(Facts facts) {
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
    return List.copyOf(templates);
  }
}
