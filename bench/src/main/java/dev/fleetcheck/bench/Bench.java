package dev.fleetcheck.bench;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of {@code make bench}: runs every benchmark, or those named in {@code
 * FLEETCHECK_BENCH} (comma-separated: scan, pyproject, code, secrets, sweep, modules, clone, html,
 * cold, serve). Each prints its own figures with a baseline measured in the same run; nothing here
 * asserts a time.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String selected = System.getenv().getOrDefault("FLEETCHECK_BENCH", "");
    Set<String> only =
        selected.isBlank()
            ? Set.of()
            : Set.copyOf(List.of(selected.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
    System.out.printf(
        Locale.ROOT,
        "fleetcheck bench: java %s, %d cores, max heap %d MB%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    if (wanted(only, "scan")) {
      ScanBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "pyproject")) {
      PyprojectBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "code")) {
      CodeCheckBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "secrets")) {
      SecretsBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "sweep")) {
      SweepBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "sweep")) {
      LoopbackSweepBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "modules")) {
      ModulesBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "clone")) {
      CloneBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "html")) {
      HtmlReportBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "cold")) {
      ColdStartBench.main(new String[0]);
      System.out.println();
    }
    if (wanted(only, "serve")) {
      ServeBench.main(new String[0]);
      System.out.println();
    }
  }

  private static boolean wanted(Set<String> only, String name) {
    return only.isEmpty() || only.contains(name);
  }
}
