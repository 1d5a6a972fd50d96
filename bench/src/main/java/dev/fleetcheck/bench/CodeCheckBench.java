package dev.fleetcheck.bench;

import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.python.ModuleAnalyzer;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.PythonTokenizer;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.StandardRules;
import dev.fleetcheck.core.rules.code.TypeHintCoverage;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.doc.DocstringCoverage;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Throughput of the Python tokenizer and of the code checks on one thread, over generated source (a
 * realistic mix of imports, classes, functions, calls, strings of every kind and comments), next to
 * a same-run baseline that only counts line breaks over the same text. Each figure is the best of
 * several runs after warm-up.
 */
public final class CodeCheckBench {

  private static final int TARGET_CHARS = 24 * 1024 * 1024;
  private static final int WARMUP_RUNS = 3;
  private static final int MEASURED_RUNS = 5;
  private static final double MB = 1024.0 * 1024.0;

  private CodeCheckBench() {}

  public static void main(String[] args) throws IOException {
    List<String> files = PythonCorpus.generate(new Random(42), TARGET_CHARS);
    long bytes = 0;
    for (String file : files) {
      bytes += file.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf(
        Locale.ROOT,
        "code checks: %d generated Python files, %.1f MB, one thread, best of %d runs after %d"
            + " warm-up runs%n",
        files.size(),
        bytes / MB,
        MEASURED_RUNS,
        WARMUP_RUNS);

    double baseline =
        throughput("baseline: count line breaks", files, bytes, CodeCheckBench::countLines);
    double tokenize = throughput("tokenize", files, bytes, CodeCheckBench::tokenize);
    double checks =
        throughput("tokenize + analyse + all code checks", files, bytes, CodeCheckBench::check);
    System.out.printf(
        Locale.ROOT,
        "  ratios: tokenize is %.1fx slower than the baseline; with all checks %.1fx%n",
        baseline / tokenize,
        baseline / checks);

    scanFromDisk(files, bytes);
  }

  private static double throughput(
      String label, List<String> files, long bytes, ToLongFunction<List<String>> work) {
    long sink = 0;
    for (int i = 0; i < WARMUP_RUNS; i++) {
      sink += work.applyAsLong(files);
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < MEASURED_RUNS; i++) {
      long start = System.nanoTime();
      sink += work.applyAsLong(files);
      best = Math.min(best, System.nanoTime() - start);
    }
    double mbPerSecond = bytes / MB / (best / 1e9);
    System.out.printf(
        Locale.ROOT,
        "  %-40s %8.1f MB/s  (%d ms; checksum %d)%n",
        label,
        mbPerSecond,
        best / 1_000_000,
        sink);
    return mbPerSecond;
  }

  private static long countLines(List<String> files) {
    long lines = 0;
    for (String file : files) {
      for (int i = 0; i < file.length(); i++) {
        if (file.charAt(i) == '\n') {
          lines++;
        }
      }
    }
    return lines;
  }

  private static long tokenize(List<String> files) {
    long tokens = 0;
    for (String file : files) {
      Tokens stream = PythonTokenizer.tokenize(file);
      tokens += stream.size();
    }
    return tokens;
  }

  /** The checks on the token stream and module facts, as the code rules stood before RULES-NEXT. */
  private static final Set<String> CODE_CHECK_IDS =
      Set.of(
          "PY-BEH-012",
          "PY-BEH-020",
          "PY-CODE-008",
          "PY-DOC-001",
          "PY-OBS-043",
          "PY-OBS-048",
          "PY-SEC-001",
          "PY-SEC-012",
          "PY-SEC-015",
          "PY-SEC-016",
          "PY-SEC-019",
          "PY-SEC-036",
          "PY-SEC-046",
          "PY-STYLE-001",
          "PY-STYLE-002");

  private static List<Rule> codeRules() {
    return StandardRules.all().stream()
        .filter(rule -> CODE_CHECK_IDS.contains(rule.spec().id()))
        .toList();
  }

  private static final List<ModuleCheck> MODULE_CHECKS =
      codeRules().stream()
          .filter(ModuleCheck.class::isInstance)
          .map(ModuleCheck.class::cast)
          .toList();

  private static long check(List<String> files) {
    List<PythonModule> modules = new ArrayList<>(files.size());
    long findings = 0;
    for (int i = 0; i < files.size(); i++) {
      PythonModule module = ModuleAnalyzer.analyze("pkg/m" + i + ".py", false, files.get(i));
      modules.add(module);
      for (ModuleCheck check : MODULE_CHECKS) {
        List<Evidence> found = check.findings(module);
        findings += found.size();
      }
    }
    findings += new DocstringCoverage().tally(modules).met();
    findings += new TypeHintCoverage().tally(modules).met();
    return findings;
  }

  /** The whole path a scan takes: snapshot, read, decode, tokenize, analyse, judge, report. */
  private static void scanFromDisk(List<String> files, long bytes) throws IOException {
    Path root = Files.createTempDirectory("fleetcheck-codebench");
    try {
      Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"bench\"\n");
      for (int i = 0; i < files.size(); i++) {
        Path file = root.resolve("pkg" + (i % 50)).resolve("m" + i + ".py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, files.get(i));
      }
      List<Rule> rules = codeRules();
      ScanEngine engine = new ScanEngine(RulePack.of(rules), Clock.systemUTC(), "bench");
      RepositoryRef ref = new RepositoryRef("bench", root.toString(), "");
      List<String> ids = rules.stream().map(r -> r.spec().id()).toList();
      long best = Long.MAX_VALUE;
      int results = 0;
      for (int i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
        long start = System.nanoTime();
        ScanReport report = engine.scan(RepoSnapshot.of(root), ref, ids::contains);
        long elapsed = System.nanoTime() - start;
        results = report.results().size();
        if (i >= WARMUP_RUNS) {
          best = Math.min(best, elapsed);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  %-40s %8.1f MB/s  (%d ms, %d rules, files in the page cache)%n",
          "full scan from disk (engine, code rules)",
          bytes / MB / (best / 1e9),
          best / 1_000_000,
          results);
    } finally {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
