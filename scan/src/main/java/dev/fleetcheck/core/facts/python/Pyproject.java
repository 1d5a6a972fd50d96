package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed {@code pyproject.toml} of the repository root ({@link #FACT}) and of every config root
 * ({@link #AT_ROOTS}: the root and the uv workspace members).
 */
public final class Pyproject {

  public static final String FILE = "pyproject.toml";

  public static final Fact<Parsed<JsonNode>> FACT =
      Fact.of("pyproject.root", facts -> ConfigParsers.toml(facts, FILE));

  /** Every config root's pyproject.toml that parsed, the repository root first. */
  public static final Fact<List<RootPyproject>> AT_ROOTS =
      Fact.of("pyproject.roots", Pyproject::atRoots);

  /**
   * One parsed pyproject.toml: its config root ("" or "pkg/a/"), path, tree, raw text and the line
   * index every fact pointing into it shares.
   */
  public record RootPyproject(
      String root, String path, JsonNode toml, String text, LineIndex lines) {

    public RootPyproject(String root, String path, JsonNode toml, String text) {
      this(root, path, toml, text, LineIndex.of(text));
    }

    /**
     * The node at a dotted path of tables, e.g. {@code node("tool", "ruff")}; missing if absent.
     */
    public JsonNode node(String... keys) {
      JsonNode node = toml;
      for (String key : keys) {
        node = node.path(key);
      }
      return node;
    }

    public boolean has(String... keys) {
      return !node(keys).isMissingNode();
    }
  }

  private Pyproject() {}

  /** The pyproject.toml of one config root, parsed (the root's comes from {@link #FACT}). */
  public static Parsed<JsonNode> at(Facts facts, String root) {
    return root.isEmpty() ? facts.get(FACT) : ConfigParsers.toml(facts, root + FILE);
  }

  private static List<RootPyproject> atRoots(Facts facts) {
    List<RootPyproject> result = new ArrayList<>();
    for (String root : facts.get(ConfigRoots.FACT)) {
      String path = root + FILE;
      Parsed<JsonNode> parsed = at(facts, root);
      if (parsed instanceof Parsed.Ok<JsonNode> ok) {
        String text = facts.snapshot().readText(path).orElse("");
        result.add(new RootPyproject(root, path, ok.value(), text));
      }
    }
    return List.copyOf(result);
  }
}
