package dev.fleetcheck.bench;

import dev.fleetcheck.cli.demo.DemoFleet;
import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.cli.sweep.SweepRunner;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.FetchLimits;
import dev.fleetcheck.vcs.fetch.JGitFetcher;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whole-sweep throughput as {@code fleetcheck sweep} runs it: repositories cloned from a loopback
 * git daemon (JGit), scanned with the standard pack, reports and results written to a fresh
 * embedded data dir, with 1, 2 and 4 workers. Two fleets: the demo fleet of {@code examples/} and
 * generated small Python repositories. The 1-worker figure of each fleet is the same-run baseline.
 *
 * <p>Arguments: the number of generated repositories (default 200) and the examples folder (default
 * {@code examples}).
 */
public final class LoopbackSweepBench {

  private static final int GENERATED = 200;
  private static final int[] WORKERS = {1, 2, 4};

  private LoopbackSweepBench() {}

  public static void main(String[] args) throws Exception {
    int generated = args.length > 0 ? Integer.parseInt(args[0]) : GENERATED;
    Path examples = Path.of(args.length > 1 ? args[1] : "examples");
    Path root = Files.createTempDirectory("fleetcheck-loopback-bench");
    try {
      Path demo = root.resolve("demo");
      Path synthetic = root.resolve("generated");
      if (Files.isDirectory(examples)) {
        DemoFleet.prepare(examples, demo, Clock.systemUTC());
      }
      generate(synthetic, generated);
      // Warm-up: class loading and JIT, so the 1-worker baseline is not charged for them.
      sweep(synthetic, 1, root.resolve("warm-up"), 20);
      if (Files.isDirectory(demo)) {
        report("demo fleet", demo, root);
      } else {
        System.out.println("loopback sweep: no examples folder at " + examples + "; demo skipped");
      }
      report("generated fleet", synthetic, root);
      incremental(synthetic, root.resolve("incremental"));
    } finally {
      deleteTree(root);
    }
  }

  private static void report(String label, Path served, Path root) throws Exception {
    double baseline = 0;
    for (int workers : WORKERS) {
      Result result =
          sweep(served, workers, root.resolve(label.replace(' ', '-') + "-" + workers), 0);
      if (workers == 1) {
        baseline = result.perMinute();
      }
      System.out.printf(
          Locale.ROOT,
          "loopback sweep: %s, %d repositories, %d worker(s): %.0f repositories/minute"
              + " (x%.2f vs 1 worker)%n",
          label,
          result.repositories(),
          workers,
          result.perMinute(),
          result.perMinute() / baseline);
    }
  }

  /**
   * Two sweeps of the same unchanged fleet into one data dir: the first clones and scans every
   * repository, the second asks each remote for its head and reuses the stored results. The first
   * is the baseline.
   */
  private static void incremental(Path served, Path dataDir) throws Exception {
    int workers = 2;
    Result first = sweep(served, workers, dataDir, 0);
    Result second = sweep(served, workers, dataDir, 0);
    System.out.printf(
        Locale.ROOT,
        "loopback sweep: generated fleet, %d repositories, %d workers: first sweep %.2f s,"
            + " second sweep of the unchanged fleet %.2f s (x%.1f faster than the first)%n",
        first.repositories(),
        workers,
        first.seconds(),
        second.seconds(),
        first.seconds() / second.seconds());
  }

  private record Result(int repositories, double seconds) {

    double perMinute() {
      return repositories * 60 / seconds;
    }
  }

  /**
   * One sweep into {@code dataDir} (empty, or holding earlier sweeps' results); {@code limit} > 0
   * sweeps only the first repositories.
   */
  private static Result sweep(Path served, int workers, Path dataDir, int limit) throws Exception {
    List<String> names;
    try (Stream<Path> children = Files.list(served)) {
      names = children.map(p -> p.getFileName().toString()).sorted().toList();
    }
    if (limit > 0 && names.size() > limit) {
      names = names.subList(0, limit);
    }
    Path work = Files.createDirectories(dataDir.resolve("work"));
    Clock clock = Clock.systemUTC();
    try (LoopbackGitServer server = LoopbackGitServer.serve(served);
        FleetRuntime runtime =
            FleetRuntime.open(dataDir.resolve("data"), RulePack.standard(), clock, "bench")) {
      List<RepoRef> fleet = new ArrayList<>();
      for (String name : names) {
        fleet.add(new RepoRef(name, server.url(name), "", ""));
      }
      long start = System.nanoTime();
      SweepRunner.Outcome outcome =
          new SweepRunner(
                  runtime,
                  () -> fleet,
                  () -> new JGitFetcher(FetchLimits.DEFAULT, work, Optional.empty(), false),
                  workers)
              .run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (outcome.progress().done() != fleet.size()) {
        throw new IllegalStateException(
            "the sweep scanned " + outcome.progress().done() + " of " + fleet.size());
      }
      return new Result(fleet.size(), seconds);
    }
  }

  /** Small Python projects: a pyproject, a package, a test and a README each. */
  private static void generate(Path folder, int count) {
    for (int i = 0; i < count; i++) {
      String name = String.format(Locale.ROOT, "service-%03d", i);
      FixtureRepo.in(folder.resolve(name))
          .python()
          .file("README.md", "# " + name + "\n")
          .file("src/" + name.replace('-', '_') + "/__init__.py", "VERSION = " + i + "\n")
          .file("tests/test_version.py", "def test_version():\n    assert True\n")
          .git()
          .build();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
