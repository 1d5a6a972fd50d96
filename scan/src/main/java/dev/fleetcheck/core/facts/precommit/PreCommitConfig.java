package dev.fleetcheck.core.facts.precommit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The repository's {@code .pre-commit-config.yaml} (or {@code .yml}) at the root: its hooks and
 * whether pre-commit.ci is configured (a top-level {@code ci:} key).
 */
public record PreCommitConfig(Optional<String> path, List<Hook> hooks, boolean ciEnabled) {

  public static final Fact<PreCommitConfig> FACT = Fact.of("pre-commit", PreCommitConfig::read);

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
    List<String> lines = TextLines.of(text);
    List<Hook> hooks = new ArrayList<>();
    int searchFrom = 0;
    for (JsonNode repo : ok.value().path("repos")) {
      String url = repo.path("repo").asText("");
      for (JsonNode hook : repo.path("hooks")) {
        String id = hook.path("id").asText("");
        if (id.isEmpty()) {
          continue;
        }
        int line = lineOfId(lines, id, searchFrom);
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

  private static int lineOfId(List<String> lines, String id, int from) {
    Pattern pattern =
        Pattern.compile(
            "^\\s*(?:-\\s*)?id\\s*:\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*(#.*)?$");
    for (int i = from; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 0;
  }
}
