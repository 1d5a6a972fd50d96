package dev.fleetcheck.bench;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileDetector;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.SyntheticTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-rule cost on the generated 5k- and 20k-file trees ({@code FLEETCHECK_BENCH=rules}), so that a
 * rule whose cost grows faster than the tree shows by its 20k/5k ratio (a linear rule is near 4x).
 * "first" is the rule's check in pack order on a fresh scan, so it includes the facts it was the
 * first to ask for; "again" repeats the check with every fact cached: the rule's own work.
 */
public final class RuleTimingBench {

  private static final int TOP = 15;

  private RuleTimingBench() {}

  public static void main(String[] args) throws IOException {
    System.out.println("## per-rule cost (top " + TOP + " by first-run time on the 20k tree)");
    String real = System.getenv("FLEETCHECK_BENCH_TREE");
    if (real != null && !real.isBlank()) {
      printReal(Path.of(real));
      return;
    }
    Path work = Files.createTempDirectory("fleetcheck-rules-bench-");
    try {
      Map<String, double[]> small = timings(work, 5_000, 5L);
      Map<String, double[]> large = timings(work, 20_000, 20L);
      List<String> top =
          large.entrySet().stream()
              .sorted(
                  Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
              .limit(TOP)
              .map(Map.Entry::getKey)
              .toList();
      System.out.printf(
          Locale.ROOT,
          "%-14s %10s %10s %10s %10s %8s%n",
          "rule",
          "5k first",
          "5k again",
          "20k first",
          "20k again",
          "20k/5k");
      for (String id : top) {
        double[] s = small.getOrDefault(id, new double[] {0, 0});
        double[] l = large.get(id);
        System.out.printf(
            Locale.ROOT,
            "%-14s %8.0f ms %7.0f ms %8.0f ms %7.0f ms %7.1fx%n",
            id,
            s[0],
            s[1],
            l[0],
            l[1],
            l[1] / Math.max(s[1], 0.5));
      }
      System.out.printf(
          Locale.ROOT,
          "sum of every rule: 5k %.0f ms first, 20k %.0f ms first%n",
          small.values().stream().mapToDouble(v -> v[0]).sum(),
          large.values().stream().mapToDouble(v -> v[0]).sum());
    } finally {
      ScanBench.deleteTree(work);
    }
  }

  /**
   * Per-rule cost on a tree the caller names ({@code FLEETCHECK_BENCH_TREE}), such as a real one.
   */
  private static void printReal(Path tree) {
    Map<String, double[]> ms = timedTwice(tree);
    System.out.printf(Locale.ROOT, "tree: %s%n%-14s %10s %10s%n", tree, "rule", "first", "again");
    ms.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
        .limit(TOP * 2L)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "%-14s %7.0f ms %7.0f ms%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1]));
    System.out.printf(
        Locale.ROOT,
        "sum of every rule: %.0f ms first, %.0f ms again%n",
        ms.values().stream().mapToDouble(v -> v[0]).sum(),
        ms.values().stream().mapToDouble(v -> v[1]).sum());
  }

  /** Rule ID to {first, again} milliseconds on a freshly generated tree of {@code files} files. */
  private static Map<String, double[]> timings(Path work, int files, long seed) {
    Path tree = work.resolve("tree-" + files);
    try {
      Files.createDirectories(tree);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SyntheticTree.generate(tree, files, 0.2, seed);
    return timedTwice(tree);
  }

  /** Rule ID to {first, again} milliseconds on {@code tree}, from the second of two runs. */
  private static Map<String, double[]> timedTwice(Path tree) {
    // The engine's order (the standard's), so that each fact is charged to the rule that pays it
    // there.
    RulePack pack = RulePack.standard();
    List<Rule> rules =
        pack.metas().stream().flatMap(meta -> pack.rule(meta.id()).stream()).toList();
    // One untimed scan first, so that the JIT and the page cache serve both columns alike.
    runAll(rules, tree, new HashMap<>());
    Map<String, double[]> ms = new HashMap<>();
    runAll(rules, tree, ms);
    return ms;
  }

  private static void runAll(List<Rule> rules, Path tree, Map<String, double[]> ms) {
    Facts facts = new Facts(RepoSnapshot.of(tree));
    Set<Profile> profiles = facts.get(ProfileDetector.FACT).profiles();
    RuleContext context = new RuleContext(facts, profiles);
    for (Rule rule : rules) {
      ms.put(rule.spec().id(), new double[] {timed(rule, context), 0});
    }
    for (Rule rule : rules) {
      ms.get(rule.spec().id())[1] = timed(rule, context);
    }
  }

  private static double timed(Rule rule, RuleContext context) {
    long start = System.nanoTime();
    try {
      rule.check(context);
    } catch (RuntimeException e) {
      // The engine reports a failing check as ERROR; its time still counts.
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
