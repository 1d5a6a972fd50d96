package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.Glob;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where configuration is read (RULES.md, "Where configuration is read"): the repository root "" and
 * the roots of uv workspace members ({@code [tool.uv.workspace] members} minus {@code exclude}),
 * each as a path prefix such as "pkg/a/". A member root is a folder matching a member glob that
 * holds a pyproject.toml, as uv itself requires. Nested example or fixture projects never count.
 */
public final class ConfigRoots {

  public static final Fact<List<String>> FACT = Fact.of("config.roots", ConfigRoots::find);

  private ConfigRoots() {}

  /** The paths of {@code fileName} that exist at some config root, the root's first. */
  public static List<String> existing(Facts facts, String fileName) {
    List<String> found = new ArrayList<>();
    for (String root : facts.get(FACT)) {
      if (facts.snapshot().exists(root + fileName)) {
        found.add(root + fileName);
      }
    }
    return found;
  }

  private static List<String> find(Facts facts) {
    List<String> roots = new ArrayList<>();
    roots.add("");
    JsonNode workspace =
        facts
            .get(Pyproject.FACT)
            .asOptional()
            .map(t -> t.path("tool").path("uv").path("workspace"))
            .orElse(null);
    if (workspace == null || !workspace.isObject()) {
      return List.copyOf(roots);
    }
    List<Glob> members = globs(workspace.path("members"));
    List<Glob> excluded = globs(workspace.path("exclude"));
    TreeSet<String> memberRoots = new TreeSet<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (!file.name().equals(Pyproject.FILE) || file.parent().isEmpty()) {
        continue;
      }
      String folder = file.parent();
      if (members.stream().anyMatch(g -> g.matches(folder))
          && excluded.stream().noneMatch(g -> g.matches(folder))) {
        memberRoots.add(folder + "/");
      }
    }
    roots.addAll(memberRoots);
    return List.copyOf(roots);
  }

  private static List<Glob> globs(JsonNode list) {
    List<Glob> globs = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode item : list) {
        if (item.isTextual() && !item.asText().isBlank()) {
          globs.add(Glob.of(item.asText()));
        }
      }
    }
    return globs;
  }
}
