package dev.fleetcheck.core.facts.precommit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.TextLines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code .pre-commit-config.yaml} (or {@code .yml}) at the root: its hooks and
 * whether pre-commit.ci is configured (a top-level {@code ci:} key).
 */
public record PreCommitConfig(Optional<String> path, List<Hook> hooks, boolean ciEnabled) {

  public static final Fact<PreCommitConfig> FACT = Fact.of("pre-commit", PreCommitConfig::read);

  private static final Pattern ID_LINE =
      Pattern.compile("^\\s*(?:-\\s*)?id\\s*:\\s*[\"']?([^\\s\"'#]+)[\"']?\\s*(?:#.*)?$");
  private static final List<String> FILES =
      List.of(".pre-commit-config.yaml", ".pre-commit-config.yml");

  public PreCommitConfig {
    hooks = List.copyOf(hooks);
  }

  /** Whether a pre-commit configuration file exists (even a malformed one). */
  public boolean present() {
    return path.isPresent();
  }

  /** Whether some hook is for {@code tool}, see {@link Hook#isFor}. */
  public boolean hasHookFor(String tool) {
    return hookFor(tool).isPresent();
  }

  public Optional<Hook> hookFor(String tool) {
    return hooks.stream().filter(h -> h.isFor(tool)).findFirst();
  }

  private static PreCommitConfig read(Facts facts) {
    Optional<String> path = FILES.stream().filter(facts.snapshot()::exists).findFirst();
    if (path.isEmpty()) {
      return new PreCommitConfig(Optional.empty(), List.of(), false);
    }
    Parsed<JsonNode> parsed = ConfigParsers.yaml(facts, path.get());
    if (!(parsed instanceof Parsed.Ok<JsonNode> ok)) {
      return new PreCommitConfig(path, List.of(), false);
    }
    String text = facts.snapshot().readText(path.get()).orElse("");
    Map<String, List<Integer>> idLines = idLines(TextLines.of(text));
    List<Hook> hooks = new ArrayList<>();
    int searchFrom = 0;
    for (JsonNode repo : ok.value().path("repos")) {
      String url = repo.path("repo").asText("");
      for (JsonNode hook : repo.path("hooks")) {
        String id = hook.path("id").asText("");
        if (id.isEmpty()) {
          continue;
        }
        int line = lineOfId(idLines, id, searchFrom);
        if (line > 0) {
          searchFrom = line;
        }
        hooks.add(new Hook(id, entryOf(hook.path("entry")), url, line));
      }
    }
    boolean ci = ok.value().has("ci");
    return new PreCommitConfig(path, hooks, ci);
  }

  private static String entryOf(JsonNode entry) {
    if (entry.isTextual()) {
      return entry.asText();
    }
    if (entry.isArray()) {
      List<String> words = new ArrayList<>();
      entry.forEach(w -> words.add(w.asText()));
      return String.join(" ", words);
    }
    return "";
  }

  /** The lines (1-based, ascending) of each {@code id:} value, read in one pass. */
  private static Map<String, List<Integer>> idLines(List<String> lines) {
    Map<String, List<Integer>> ids = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher id = ID_LINE.matcher(lines.get(i));
      if (id.find()) {
        ids.computeIfAbsent(id.group(1), k -> new ArrayList<>()).add(i + 1);
      }
    }
    return ids;
  }

  /** The first line after line {@code from} naming hook {@code id}, or 0. */
  private static int lineOfId(Map<String, List<Integer>> idLines, String id, int from) {
    List<Integer> lines = idLines.getOrDefault(id, List.of());
    int found = Collections.binarySearch(lines, from + 1);
    int at = found >= 0 ? found : -found - 1;
    return at < lines.size() ? lines.get(at) : 0;
  }
}
