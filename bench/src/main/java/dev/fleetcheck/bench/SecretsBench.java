package dev.fleetcheck.bench;

import dev.fleetcheck.core.secrets.SecretFinding;
import dev.fleetcheck.core.secrets.SecretScanner;
import dev.fleetcheck.core.testing.SecretCorpus;
import dev.fleetcheck.core.testing.SecretCorpus.Sample;
import dev.fleetcheck.core.testing.SecretCorpus.Score;
import dev.fleetcheck.core.testing.SecretCorpus.Tally;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Secret detection figures: precision and recall per detector over the seeded corpus, and the
 * scanner's throughput on generated repository text next to a plain character scan of the same text
 * in the same run (the floor any one-pass scan pays).
 */
public final class SecretsBench {

  private static final int TARGET_BYTES = 64 * 1024 * 1024;
  private static final int WARMUPS = 2;
  private static final int RUNS = 5;

  private SecretsBench() {}

  public static void main(String[] args) {
    accuracy();
    throughput();
  }

  private static void accuracy() {
    List<Sample> corpus = SecretCorpus.generate();
    Score score = SecretCorpus.score(corpus, SecretScanner.standard());
    long secrets = corpus.stream().filter(Sample::isSecret).count();
    System.out.printf(
        Locale.ROOT,
        "secrets: corpus seed %d, %d files (%d secrets, %d decoys)%n",
        SecretCorpus.SEED,
        corpus.size(),
        secrets,
        corpus.size() - secrets);
    System.out.printf(
        Locale.ROOT,
        "  %-22s %5s %5s %5s %9s %7s%n",
        "detector",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall");
    for (Map.Entry<String, Tally> entry : score.byKind().entrySet()) {
      print(entry.getKey(), entry.getValue());
    }
    print("overall", score.overall());
  }

  private static void print(String name, Tally tally) {
    System.out.printf(
        Locale.ROOT,
        "  %-22s %5d %5d %5d %9.3f %7.3f%n",
        name,
        tally.truePositives(),
        tally.falsePositives(),
        tally.falseNegatives(),
        tally.precision(),
        tally.recall());
  }

  private static void throughput() {
    List<String[]> files = repositoryText(new Random(SecretCorpus.SEED));
    long bytes = 0;
    for (String[] file : files) {
      bytes += file[1].getBytes(StandardCharsets.UTF_8).length;
    }
    SecretScanner scanner = SecretScanner.standard();
    long[] scanNanos = new long[RUNS];
    long[] baselineNanos = new long[RUNS];
    long sink = 0;
    for (int run = -WARMUPS; run < RUNS; run++) {
      long start = System.nanoTime();
      for (String[] file : files) {
        sink += newlines(file[1]);
      }
      long baseline = System.nanoTime() - start;
      start = System.nanoTime();
      int findings = 0;
      for (String[] file : files) {
        List<SecretFinding> found = scanner.scan(file[0], file[1]);
        findings += found.size();
      }
      long scan = System.nanoTime() - start;
      sink += findings;
      if (run >= 0) {
        baselineNanos[run] = baseline;
        scanNanos[run] = scan;
      }
    }
    double megabytes = bytes / (1024.0 * 1024.0);
    double scanRate = megabytes / (median(scanNanos) / 1e9);
    double baselineRate = megabytes / (median(baselineNanos) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "secrets: throughput on %d generated files, %.1f MB (median of %d runs after %d warm-ups)%n",
        files.size(),
        megabytes,
        RUNS,
        WARMUPS);
    System.out.printf(Locale.ROOT, "  secret scan (all detectors)  %8.1f MB/s%n", scanRate);
    System.out.printf(Locale.ROOT, "  baseline: count newlines     %8.1f MB/s%n", baselineRate);
    System.out.printf(
        Locale.ROOT,
        "  scan costs %.1fx the baseline pass (checksum %d)%n",
        baselineRate / scanRate,
        sink % 1000);
  }

  /**
   * Files shaped like a Python repository's: modules, YAML and JSON config, lockfile lines, and
   * roughly one corpus sample (a secret or a decoy) in every twenty files.
   */
  private static List<String[]> repositoryText(Random random) {
    List<Sample> corpus = SecretCorpus.generate();
    List<String[]> files = new ArrayList<>();
    long total = 0;
    int n = 0;
    while (total < TARGET_BYTES) {
      StringBuilder text = new StringBuilder();
      String extension = List.of("py", "py", "py", "yaml", "json", "md", "lock").get(n % 7);
      while (text.length() < 8 * 1024) {
        text.append(fillerLine(random, extension)).append('\n');
      }
      if (n % 20 == 0) {
        text.append(corpus.get(random.nextInt(corpus.size())).content());
      }
      files.add(new String[] {"src/module_" + n + "." + extension, text.toString()});
      total += text.length();
      n++;
    }
    return files;
  }

  private static String fillerLine(Random random, String extension) {
    int pick = random.nextInt(6);
    return switch (extension) {
      case "yaml" ->
          List.of(
                  "  name: api-" + pick,
                  "  replicas: " + pick,
                  "  image: registry.internal/app:1." + pick,
                  "  env:",
                  "    - name: LOG_LEVEL",
                  "      value: info")
              .get(pick);
      case "json" -> "  \"key_" + pick + "\": \"value-" + random.nextInt(1000) + "\",";
      case "md" ->
          "The service reads its token and password from the environment (section " + pick + ").";
      case "lock" ->
          "    {file = \"pkg-"
              + pick
              + ".whl\", hash = \"sha256:"
              + Long.toHexString(random.nextLong())
              + Long.toHexString(random.nextLong())
              + "\"},";
      default ->
          List.of(
                  "def handler_" + pick + "(event: dict, context: object) -> dict:",
                  "    token = request.headers.get(\"Authorization\", \"\")",
                  "    return {\"status\": 200, \"body\": json.dumps(result)}",
                  "# keep the key lookup cheap: this runs per request",
                  "    password = os.environ[\"DB_PASSWORD\"]",
                  "    LOG.info(\"processed %s items\", len(items))")
              .get(pick);
    };
  }

  private static long newlines(String text) {
    long count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
