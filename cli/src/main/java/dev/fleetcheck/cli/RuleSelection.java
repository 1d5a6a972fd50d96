package dev.fleetcheck.cli;

import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.rules.RulePack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules {@code --rules} asks for: exact IDs ({@code PY-LCL-001}) or prefixes ending in {@code
 * *} ({@code PY-LCL-*}). An empty list means every rule.
 */
public record RuleSelection(Set<String> ids) implements Predicate<String> {

  public static RuleSelection all(RulePack pack) {
    return new RuleSelection(ids(pack.metas()));
  }

  /**
   * @throws IllegalArgumentException naming every pattern that matches no rule of the pack
   */
  public static RuleSelection parse(List<String> patterns, RulePack pack) {
    if (patterns == null || patterns.isEmpty()) {
      return all(pack);
    }
    Set<String> selected = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : patterns) {
      String pattern = raw.strip().toUpperCase(Locale.ROOT);
      if (pattern.isEmpty()) {
        continue;
      }
      List<String> matched =
          pack.metas().stream()
              .map(RuleMeta::id)
              .filter(
                  id ->
                      pattern.endsWith("*")
                          ? id.startsWith(pattern.substring(0, pattern.length() - 1))
                          : id.equals(pattern))
              .toList();
      if (matched.isEmpty()) {
        unknown.add(raw.strip());
      }
      selected.addAll(matched);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "no rule matches " + String.join(", ", unknown) + " (list them with: fleetcheck rules)");
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("--rules names no rule");
    }
    return new RuleSelection(selected);
  }

  public RuleSelection {
    ids = Set.copyOf(ids);
  }

  @Override
  public boolean test(String id) {
    return ids.contains(id);
  }

  private static Set<String> ids(List<RuleMeta> metas) {
    Set<String> ids = new LinkedHashSet<>();
    metas.forEach(m -> ids.add(m.id()));
    return ids;
  }
}
