package dev.fleetcheck.bench;

import dev.fleetcheck.core.contract.InMemoryAdapters;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a Lambda handler pays for its modules: the runtime classpath of the domain module (what the
 * API and sweep handlers carry) against the scan module's (what the worker adds), and the time a
 * fresh JVM takes to build the fleet runtime, against a fresh JVM running an empty main in the same
 * run.
 */
public final class ModulesBench {

  private static final int RUNS = 5;

  private ModulesBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("modules: runtime classpath (jars, bytes; own classes counted as bytes)");
    Size core = size(Path.of("core/target/classes"), Path.of("core/target/runtime-classpath.txt"));
    Size scan = size(Path.of("scan/target/classes"), Path.of("scan/target/runtime-classpath.txt"));
    System.out.printf(Locale.ROOT, "%-26s %6s %14s%n", "module", "jars", "bytes");
    System.out.printf(Locale.ROOT, "%-26s %6d %,14d%n", "core (domain)", core.jars(), core.bytes());
    System.out.printf(
        Locale.ROOT, "%-26s %6d %,14d%n", "scan (engine, incl. core)", scan.jars(), scan.bytes());
    System.out.printf(
        Locale.ROOT, "scan / core: %.1fx the bytes%n%n", (double) scan.bytes() / core.bytes());

    System.out.printf(Locale.ROOT, "fresh JVM to a built fleet runtime (median of %d, ms)%n", RUNS);
    long empty = medianMillis(EmptyMain.class, "");
    long inMemory = medianMillis(RuntimeProbe.class, "memory");
    long embedded = medianMillis(RuntimeProbe.class, "embedded");
    System.out.printf(Locale.ROOT, "%-34s %8s %10s%n", "process", "ms", "over empty");
    System.out.printf(Locale.ROOT, "%-34s %8d %10s%n", "empty main (baseline)", empty, "-");
    System.out.printf(
        Locale.ROOT,
        "%-34s %8d %10d%n",
        "core runtime, in-memory ports",
        inMemory,
        inMemory - empty);
    System.out.printf(
        Locale.ROOT,
        "%-34s %8d %10d%n",
        "embedded runtime (SQLite, folder)",
        embedded,
        embedded - empty);
  }

  record Size(int jars, long bytes) {}

  /** Own classes plus every entry of a dependency:build-classpath file. */
  static Size size(Path ownClasses, Path classpathFile) throws IOException {
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(classpathFile + " is missing: build with mvn package first");
    }
    List<Path> entries = new ArrayList<>();
    entries.add(ownClasses);
    Arrays.stream(Files.readString(classpathFile).trim().split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .map(Path::of)
        .forEach(entries::add);
    int jars = 0;
    long bytes = 0;
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        bytes += folderBytes(entry);
      } else if (Files.isRegularFile(entry)) {
        jars++;
        bytes += Files.size(entry);
      }
    }
    return new Size(jars, bytes);
  }

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  private static long medianMillis(Class<?> main, String mode) throws Exception {
    long[] runs = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      Path scratch = Files.createTempDirectory("fleetcheck-modules-bench");
      try {
        runs[i] = spawnMillis(main, mode, scratch);
      } finally {
        deleteTree(scratch);
      }
    }
    Arrays.sort(runs);
    return runs[RUNS / 2];
  }

  private static long spawnMillis(Class<?> main, String mode, Path scratch) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
    if (!mode.isEmpty()) {
      command.add(mode);
      command.add(scratch.toString());
    }
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(main.getSimpleName() + " " + mode + " failed");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The baseline: a JVM that starts and exits. */
  public static final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {}
  }

  /** Builds the fleet runtime and every use case a handler would, then exits. */
  public static final class RuntimeProbe {
    private RuntimeProbe() {}

    public static void main(String[] args) {
      Clock clock = Clock.systemUTC();
      FleetRuntime.Settings settings = new FleetRuntime.Settings("sha256:bench");
      if (args[0].equals("embedded")) {
        try (EmbeddedRuntime runtime =
            EmbeddedRuntime.open(
                Path.of(args[1]),
                clock,
                EmbeddedFleet.QueueSettings.defaults(),
                settings,
                FailureLog.NONE)) {
          touch(runtime.fleet());
        }
      } else {
        var adapters = InMemoryAdapters.open(Path.of(args[1]), clock, Duration.ofMinutes(5), 3);
        FleetPorts ports =
            FleetPorts.withJsonReports(
                adapters.results(), adapters.reports(), adapters.queue(), clock, FailureLog.NONE);
        touch(new FleetRuntime(ports, settings));
      }
    }

    private static void touch(FleetRuntime runtime) {
      runtime.startSweep(java.util.List::of);
      runtime.requestScan();
      runtime.queries();
      runtime.sweepCompletion();
    }
  }
}
