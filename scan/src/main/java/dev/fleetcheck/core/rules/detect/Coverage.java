package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A share of public definitions that meet a bar (docstrings, annotations), judged against a
 * threshold; a FAIL lists the percentage and the first missing definitions by path and line.
 */
public record Coverage(List<Item> items) {

  /** One public definition and whether it meets the bar; {@code missing} says what it lacks. */
  public record Item(String path, int line, boolean ok, String missing) {}

  public static final int THRESHOLD_PERCENT = 80;
  public static final int LISTED_MISSING = 20;

  public Coverage {
    items = List.copyOf(items);
  }

  /**
   * The modules whose public definitions count (RULES.md, "PY-DOC-001 and PY-CODE-008 count product
   * code only"): those that may decide a profile, so never docs/conf.py or example apps.
   */
  public static List<PythonModule> productModules(RuleContext context) {
    return PythonCodebase.of(context.facts()).productModules();
  }

  public long met() {
    return items.stream().filter(Item::ok).count();
  }

  public boolean meetsThreshold() {
    return met() * 100 >= (long) THRESHOLD_PERCENT * items.size();
  }

  public Outcome outcome(String what, String nothing) {
    return outcome(what, nothing, ProfileScope.describe());
  }

  /** As {@link #outcome(String, String)}, the evidence naming {@code population} as counted. */
  public Outcome outcome(String what, String nothing, String population) {
    if (items.isEmpty()) {
      return Outcome.notApplicable(nothing);
    }
    double percent = 100.0 * met() / items.size();
    String summary =
        String.format(
            Locale.ROOT,
            "%d of %d %s (%.1f%%, at least %d%% required; %s)",
            met(),
            items.size(),
            what,
            percent,
            THRESHOLD_PERCENT,
            population);
    if (meetsThreshold()) {
      return Outcome.pass(Evidence.repository(summary));
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.repository(summary));
    items.stream()
        .filter(item -> !item.ok())
        .sorted(Comparator.comparing(Item::path).thenComparingInt(Item::line))
        .limit(LISTED_MISSING)
        .forEach(item -> evidence.add(Evidence.at(item.path(), item.line(), item.missing())));
    return Outcome.fail(evidence);
  }
}
