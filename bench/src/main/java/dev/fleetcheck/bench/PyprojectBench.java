package dev.fleetcheck.bench;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.core.testing.LargePyproject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A hostile but valid repository: one {@code pyproject.toml} just under the per-file size cap with
 * 40k dependencies (and 40k poetry keys). Every rule scans it; the same-run baseline reads the file
 * and parses its TOML once, which any scan of it must pay.
 */
public final class PyprojectBench {

  private static final int DEPENDENCIES = 40_000;
  private static final int RUNS = 3;

  private PyprojectBench() {}

  public static void main(String[] args) throws IOException {
    long cap = SnapshotLimits.defaults().maxContentBytes();
    Path repo = Files.createTempDirectory("fleetcheck-bench-pyproject-");
    try {
      Path file = LargePyproject.write(repo, DEPENDENCIES, cap - 1024);
      TomlMapper toml = new TomlMapper();
      ScanEngine engine = new ScanEngine(RulePack.standard(), Clock.systemUTC(), "bench");
      RepositoryRef ref = new RepositoryRef("large-pyproject", repo.toString(), "");
      double baselineMs = Double.MAX_VALUE;
      double scanMs = Double.MAX_VALUE;
      for (int run = -1; run < RUNS; run++) {
        long start = System.nanoTime();
        int nodes = toml.readTree(Files.readString(file)).size();
        double baseline = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        int results = engine.scan(RepoSnapshot.of(repo), ref).results().size();
        double scan = (System.nanoTime() - start) / 1e6;
        if (nodes + results < 0) {
          throw new IllegalStateException("impossible");
        }
        if (run >= 0) {
          baselineMs = Math.min(baselineMs, baseline);
          scanMs = Math.min(scanMs, scan);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "## large pyproject.toml: %d dependencies + %d poetry keys, %.2f MB (cap %.2f MB),"
              + " best of %d after a warm-up%n",
          DEPENDENCIES,
          DEPENDENCIES,
          Files.size(file) / (1024.0 * 1024.0),
          cap / (1024.0 * 1024.0),
          RUNS);
      System.out.printf(Locale.ROOT, "  scan, every rule                %8.0f ms%n", scanMs);
      System.out.printf(Locale.ROOT, "  baseline: read + parse TOML     %8.0f ms%n", baselineMs);
      System.out.printf(Locale.ROOT, "  scan costs %.1fx the baseline%n", scanMs / baselineMs);
    } finally {
      try (Stream<Path> files = Files.walk(repo)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
