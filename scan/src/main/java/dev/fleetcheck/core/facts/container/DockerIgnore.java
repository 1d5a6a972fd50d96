package dev.fleetcheck.core.facts.container;

import dev.fleetcheck.core.facts.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore}: patterns relative to the build context, {@code !} re-includes, the last
 * matching pattern wins, and a pattern matching a folder covers everything under it.
 */
public final class DockerIgnore {

  private record Rule(Glob glob, boolean include) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  public static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean include = line.startsWith("!");
      String pattern = include ? line.substring(1).strip() : line;
      if (!pattern.isEmpty()) {
        rules.add(new Rule(Glob.of(pattern), include));
      }
    }
    return new DockerIgnore(rules);
  }

  /** Whether the context-relative {@code path} is left out of the build context. */
  public boolean excludes(String path) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesSelfOrAncestor(rule.glob(), path)) {
        excluded = !rule.include();
      }
    }
    return excluded;
  }

  private static boolean matchesSelfOrAncestor(Glob glob, String path) {
    if (glob.matches(path)) {
      return true;
    }
    int slash = path.indexOf('/');
    while (slash >= 0) {
      if (glob.matches(path.substring(0, slash))) {
        return true;
      }
      slash = path.indexOf('/', slash + 1);
    }
    return false;
  }
}
