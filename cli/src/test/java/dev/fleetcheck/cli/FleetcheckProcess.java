package dev.fleetcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code fleetcheck} as its own process: {@code java -jar cli/target/fleetcheck.jar} when
 * that jar is at least as new as the compiled classes, else {@code java -cp} on this test JVM's
 * class path (a reactor build runs the tests before it packages the jar). stdout and stderr go to
 * files; {@code FLEETCHECK_*} variables of the test JVM are not passed on.
 */
final class FleetcheckProcess {

  record Finished(int exit, String out, String err) {}

  private final Process process;
  private final Path out;
  private final Path err;

  private FleetcheckProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static FleetcheckProcess start(Path logs, String name, String... args) throws IOException {
    return start(logs, name, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, String, String...)}, with extra environment variables. */
  static FleetcheckProcess start(
      Path logs, String name, java.util.Map<String, String> environment, String... args)
      throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>(launcher());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("FLEETCHECK_"));
    builder.environment().putAll(environment);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new FleetcheckProcess(builder.start(), out, err);
  }

  /** Runs to the end, bounded; fails the test if it does not end in time. */
  static Finished run(Path logs, String name, String... args) throws Exception {
    return start(logs, name, args).await(5);
  }

  Finished await(int minutes) throws Exception {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("fleetcheck did not end within " + minutes + " min: " + err());
    }
    return new Finished(process.exitValue(), Files.readString(out), err());
  }

  String err() throws IOException {
    return Files.readString(err);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook runs, nothing is flushed or closed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  private static List<String> launcher() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "fleetcheck.jar").toAbsolutePath();
    Path main = Path.of("target", "classes", "dev", "fleetcheck", "cli", "Main.class");
    if (Files.isRegularFile(jar)
        && Files.isRegularFile(main)
        && !modified(jar).toInstant().isBefore(modified(main).toInstant())) {
      return List.of(java, "-jar", jar.toString());
    }
    return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
  }

  private static FileTime modified(Path file) throws IOException {
    return Files.getLastModifiedTime(file);
  }
}
