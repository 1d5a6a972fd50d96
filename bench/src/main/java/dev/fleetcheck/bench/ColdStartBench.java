package dev.fleetcheck.bench;

import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whole-process figures for one-shot use (docs/adr/0011-fast-cold-cli.md): {@code fleetcheck scan}
 * through {@code bin/fleetcheck} and through plain {@code java -jar}, of an empty git repository
 * and of a large real Python repository ({@link BenchTree}), side by side with {@code java
 * -version} and with secretlint on the same tree. The commands run in turn, round after round, so a
 * machine that slows down slows them alike; each figure is a median, each ratio the median of the
 * rounds' ratios. Then the warm scan of the same tree inside a long-lived process, as a sweep
 * worker runs it (no clone).
 */
public final class ColdStartBench {

  private static final int DEFAULT_ROUNDS = 5;
  private static final int WARM_RUNS = 5;
  private static final int WARM_UPS = 3;

  private ColdStartBench() {}

  /** One command, where it runs, and the exit codes that mean it did its work. */
  private record Command(String label, List<String> argv, Path directory, Set<Integer> exits) {}

  public static void main(String[] args) throws Exception {
    int rounds =
        Math.max(
            1,
            Integer.parseInt(
                System.getenv()
                    .getOrDefault("FLEETCHECK_BENCH_COLD_RUNS", String.valueOf(DEFAULT_ROUNDS))));
    Path launcher = Path.of("bin", "fleetcheck").toAbsolutePath();
    Path jar = Path.of("cli", "target", "fleetcheck.jar").toAbsolutePath();
    System.out.println(
        "## cold start: whole processes, run in turn; medians of " + rounds + " rounds");
    if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
      System.out.println(
          "cold start: " + launcher + " or " + jar + " missing (make build); skipped");
      return;
    }
    Path work = Files.createTempDirectory("fleetcheck-cold-bench-");
    try {
      BenchTree tree = BenchTree.create(work);
      Path empty = BenchTree.emptyRepository(work);
      System.out.println("tree: " + tree.summary());
      System.out.println(
          "archive: "
              + (Files.isRegularFile(Path.of("cli", "target", "fleetcheck.jsa"))
                  ? "cli/target/fleetcheck.jsa"
                  : "none (the launcher runs without class-data sharing)"));
      archiveCoverage(launcher, tree);
      warmFigure(tree, coldFigures(rounds, launcher, jar, tree, empty));
    } finally {
      deleteTree(work);
    }
  }

  /**
   * How much of the large-tree scan the class-data archive serves: the classes the JVM loaded from
   * it against those it loaded (and verified) from the jar or generated at run time: the lambdas
   * and lambda forms made at run time, the annotation proxies picocli asks for (neither of which a
   * static dump archives), and code the build's training run (the examples and the checkout) never
   * reached.
   */
  private static void archiveCoverage(Path launcher, BenchTree tree) throws Exception {
    Path log = Files.createTempFile("fleetcheck-class-load-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(launcher.toString(), "scan", tree.root().toString())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().keySet().removeIf(key -> key.startsWith("FLEETCHECK_"));
      builder.environment().put("FLEETCHECK_JAVA_OPTS", "-Xlog:class+load:file=" + log);
      builder.start().waitFor();
      List<String> lines = Files.readAllLines(log);
      List<String> notShared =
          lines.stream().filter(l -> !l.contains("source: shared objects file")).toList();
      long generated =
          notShared.stream()
              .filter(l -> l.contains("__JVM_LookupDefineClass__") || l.contains("$$Lambda$"))
              .count();
      long proxies = notShared.stream().filter(l -> l.contains("__dynamic_proxy__")).count();
      System.out.printf(
          Locale.ROOT,
          "class-data archive, scan of the large tree: %d of %d classes from the archive;"
              + " not from it: %d generated at run time (lambda forms, lambdas),"
              + " %d dynamic proxies, %d others%n",
          lines.size() - notShared.size(),
          lines.size(),
          generated,
          proxies,
          notShared.size() - generated - proxies);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Prints the whole-process figures; returns their medians in ms, by command label. */
  private static Map<String, Double> coldFigures(
      int rounds, Path launcher, Path jar, BenchTree tree, Path empty) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path here = Path.of("").toAbsolutePath();
    Set<Integer> scanned = Set.of(0, 3);
    // an empty repository has no Python project: exit 4 (docs/exit-codes.md) is its normal end
    Set<Integer> scannedEmpty = Set.of(0, 3, 4);
    Map<String, Command> commands = new LinkedHashMap<>();
    put(commands, new Command("java -version", List.of(java, "-version"), here, Set.of(0)));
    put(
        commands,
        new Command(
            "empty: bin/fleetcheck",
            List.of(launcher.toString(), "scan", empty.toString()),
            here,
            scannedEmpty));
    put(
        commands,
        new Command(
            "empty: java -jar",
            List.of(java, "-jar", jar.toString(), "scan", empty.toString()),
            here,
            scannedEmpty));
    put(
        commands,
        new Command(
            "tree: bin/fleetcheck",
            List.of(launcher.toString(), "scan", tree.root().toString()),
            here,
            scanned));
    put(
        commands,
        new Command(
            "tree: java -jar",
            List.of(java, "-jar", jar.toString(), "scan", tree.root().toString()),
            here,
            scanned));
    Path secretlint = Path.of("tools", "node_modules", ".bin", "secretlint").toAbsolutePath();
    Path secretlintConfig = Path.of("tools", ".secretlintrc.json").toAbsolutePath();
    boolean withSecretlint = Files.isExecutable(secretlint);
    if (withSecretlint) {
      put(
          commands,
          new Command(
              "tree: secretlint",
              List.of(secretlint.toString(), "--secretlintrc", secretlintConfig.toString(), "**/*"),
              tree.root(),
              Set.of(0, 1)));
    }

    Map<String, double[]> ms = run(commands, rounds);

    row(ms, "java -version", "minimal JVM start: java -version (baseline)", "java -version", "");
    row(
        ms,
        "empty: bin/fleetcheck",
        "scan, empty git repository: bin/fleetcheck",
        "java -version",
        "goal: under 600 ms");
    row(ms, "empty: java -jar", "scan, empty git repository: java -jar", "java -version", "");
    String yardstick = withSecretlint ? "tree: secretlint" : "tree: java -jar";
    if (withSecretlint) {
      row(ms, yardstick, "secretlint, large tree (baseline)", yardstick, "");
    } else {
      System.out.println(
          "note: secretlint not installed (./scripts/npm-tools.sh needs npm); its ratio is skipped");
    }
    row(
        ms,
        "tree: bin/fleetcheck",
        "scan, large tree: bin/fleetcheck",
        yardstick,
        withSecretlint ? "goal: x1.00 or less, aim x0.50" : "");
    row(ms, "tree: java -jar", "scan, large tree: java -jar", yardstick, "");
    System.out.printf(
        Locale.ROOT,
        "bin/fleetcheck against java -jar, same run: empty x%.2f, large tree x%.2f%n",
        medianRatio(ms, "empty: bin/fleetcheck", "empty: java -jar"),
        medianRatio(ms, "tree: bin/fleetcheck", "tree: java -jar"));
    Map<String, Double> medians = new LinkedHashMap<>();
    ms.forEach((label, runs) -> medians.put(label, median(runs)));
    return medians;
  }

  private static void put(Map<String, Command> commands, Command command) {
    commands.put(command.label(), command);
  }

  /** One warm-up round, then {@code rounds} rounds; each round starts one command later. */
  private static Map<String, double[]> run(Map<String, Command> commands, int rounds)
      throws Exception {
    List<Command> order = new ArrayList<>(commands.values());
    Map<String, double[]> ms = new LinkedHashMap<>();
    order.forEach(c -> ms.put(c.label(), new double[rounds]));
    for (Command command : order) {
      once(command);
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < order.size(); i++) {
        Command command = order.get((i + round) % order.size());
        ms.get(command.label())[round] = once(command);
      }
    }
    return ms;
  }

  private static double once(Command command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command.argv())
            .directory(command.directory().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(key -> key.startsWith("FLEETCHECK_"));
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double elapsed = (System.nanoTime() - start) / 1e6;
    if (!command.exits().contains(exit)) {
      throw new IllegalStateException(
          command.label() + " exited " + exit + ": " + String.join(" ", command.argv()));
    }
    return elapsed;
  }

  private static void row(
      Map<String, double[]> ms, String label, String text, String against, String goal) {
    double[] own = ms.get(label);
    String ratio =
        label.equals(against)
            ? ""
            : String.format(
                Locale.ROOT,
                "x%.2f %s",
                medianRatio(ms, label, against),
                against.substring(against.indexOf(':') + 1).strip());
    System.out.printf(
        Locale.ROOT,
        "%-45s %7.0f ms (min %5.0f)  %-20s %s%n",
        text,
        median(own),
        Arrays.stream(own).min().orElse(0),
        ratio,
        goal);
  }

  /** The median of the rounds' ratios: each pair ran in the same round, on the same machine. */
  private static double medianRatio(Map<String, double[]> ms, String label, String against) {
    double[] own = ms.get(label);
    double[] base = ms.get(against);
    double[] ratios = new double[own.length];
    for (int i = 0; i < own.length; i++) {
      ratios[i] = own[i] / base[i];
    }
    return median(ratios);
  }

  /**
   * The warm scan, against the same run's whole-process scan of the tree and secretlint's (its
   * baselines: what the same work costs a one-shot process).
   */
  private static void warmFigure(BenchTree tree, Map<String, Double> cold) {
    ScanEngine engine = new ScanEngine(RulePack.standard(), Clock.systemUTC(), "bench");
    RepositoryRef ref = new RepositoryRef("python-tree", tree.root().toString(), "");
    for (int i = 0; i < WARM_UPS; i++) {
      engine.scan(RepoSnapshot.of(tree.root(), SnapshotLimits.defaults()), ref);
    }
    double[] runs = new double[WARM_RUNS];
    for (int i = 0; i < WARM_RUNS; i++) {
      long start = System.nanoTime();
      engine.scan(RepoSnapshot.of(tree.root(), SnapshotLimits.defaults()), ref);
      runs[i] = (System.nanoTime() - start) / 1e6;
    }
    double median = median(runs);
    System.out.printf(
        Locale.ROOT,
        "warm scan inside a sweep (no clone), same tree: %.0f ms, %.0f files/s"
            + " (median of %d after %d warm-ups, in this JVM)%n",
        median,
        tree.files() / (median / 1000),
        WARM_RUNS,
        WARM_UPS);
    List<String> against = new ArrayList<>();
    for (String label : List.of("tree: bin/fleetcheck", "tree: secretlint")) {
      if (cold.containsKey(label)) {
        against.add(
            String.format(
                Locale.ROOT,
                "x%.2f %s (%.0f ms)",
                median / cold.get(label),
                label.substring(label.indexOf(':') + 1).strip(),
                cold.get(label)));
      }
    }
    System.out.println("  against the same run's whole processes: " + String.join(", ", against));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
