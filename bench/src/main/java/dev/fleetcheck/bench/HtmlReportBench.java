package dev.fleetcheck.bench;

import dev.fleetcheck.core.report.fleet.FleetHtmlReport;
import dev.fleetcheck.core.report.fleet.FleetPageLimits;
import dev.fleetcheck.core.report.fleet.FleetReportData;
import dev.fleetcheck.core.report.fleet.GeneratedFleet;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fleet HTML page at organisation scale (issue 10): generated sweeps of 1,000 and 10,000
 * repositories, the page's size, the time to build it in Java, and the time headless Chromium takes
 * to open and paint it, as a whole process with a fresh profile. The baseline is the same Chromium
 * run on a trivial page, measured in the same rounds; the page without limits (what the export
 * wrote before it was bounded) is measured beside it for comparison.
 */
public final class HtmlReportBench {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int ROUNDS = 5;
  private static final long WAIT_SECONDS = 90;
  private static final List<Integer> FLEETS = List.of(1_000, 10_000);
  private static final String TRIVIAL =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>baseline</title>"
          + "</head><body><p>baseline</p></body></html>\n";

  private HtmlReportBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("## html: the fleet page at 1k and 10k generated repositories");
    Path work = Files.createTempDirectory("fleetcheck-html-bench-");
    try {
      Map<String, Path> pages = new LinkedHashMap<>();
      pages.put("baseline (trivial page)", write(work, "baseline.html", TRIVIAL));
      for (int size : FLEETS) {
        FleetReportData data = GeneratedFleet.of(size);
        long start = System.nanoTime();
        String bounded = new FleetHtmlReport().render(data);
        double javaMs = (System.nanoTime() - start) / 1e6;
        String unbounded = new FleetHtmlReport(FleetPageLimits.unbounded()).render(data);
        System.out.printf(
            Locale.ROOT,
            "%,6d repositories: page %s (cap %s), built in %.0f ms; without limits %s, %,d"
                + " table rows%n",
            size,
            megabytes(bytes(bounded)),
            megabytes(FleetPageLimits.STANDARD_CAP_BYTES),
            javaMs,
            megabytes(bytes(unbounded)),
            count(unbounded, "<tr>"));
        pages.put(label(size, "bounded"), write(work, size + "-bounded.html", bounded));
        if (size == FLEETS.get(0)) {
          pages.put(
              label(size, "without limits"), write(work, size + "-unbounded.html", unbounded));
        }
      }
      if (!Files.isExecutable(CHROMIUM)) {
        System.out.println(
            "render: " + CHROMIUM + " is not installed (apt-get install chromium); skipped");
        return;
      }
      render(work, pages);
    } finally {
      deleteTree(work);
    }
  }

  private static void render(Path work, Map<String, Path> pages) throws Exception {
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    pages.keySet().forEach(label -> seconds.put(label, new ArrayList<>()));
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Path> page : pages.entrySet()) {
        boolean slow = page.getKey().contains("without limits");
        if (slow && round > 0) {
          continue; // one run is enough to show the difference, and it takes long
        }
        seconds.get(page.getKey()).add(chromium(work, page.getValue()));
      }
    }
    double baseline = median(seconds.get("baseline (trivial page)"));
    System.out.printf(
        Locale.ROOT,
        "render in headless Chromium (whole process, --screenshot, fresh profile; median of up to"
            + " %d runs, bounded at %d s)%n",
        ROUNDS,
        WAIT_SECONDS);
    for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
      double median = median(entry.getValue());
      System.out.printf(
          Locale.ROOT,
          "  %-38s %s%s%n",
          entry.getKey(),
          Double.isNaN(median) ? "did not finish within " + WAIT_SECONDS + " s" : seconds(median),
          entry.getKey().startsWith("baseline") || Double.isNaN(median)
              ? ""
              : String.format(Locale.ROOT, "  (%s over the baseline)", seconds(median - baseline)));
    }
  }

  /** Seconds from start to exit of one headless Chromium run, NaN when it had to be stopped. */
  private static double chromium(Path work, Path page) throws Exception {
    Path profile = Files.createTempDirectory(work, "profile-");
    Path screenshot = work.resolve("screenshot.png");
    Files.deleteIfExists(screenshot);
    ProcessBuilder builder =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=1280,2000",
                "--screenshot=" + screenshot,
                page.toUri().toString())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("chromium.log").toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return Double.NaN;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      return Files.isRegularFile(screenshot) ? elapsed : Double.NaN;
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      deleteTree(profile);
    }
  }

  private static String label(int size, String kind) {
    return String.format(Locale.ROOT, "%,d repositories, %s", size, kind);
  }

  private static Path write(Path work, String name, String html) throws IOException {
    return Files.writeString(work.resolve(name), html, StandardCharsets.UTF_8);
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.2f s", value);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty() || values.stream().anyMatch(v -> v.isNaN())) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
