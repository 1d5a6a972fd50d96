package dev.fleetcheck.cli;

import java.nio.file.Path;
import java.util.Map;

/** Writes a command's result to stdout ({@code -}) or atomically to a file. */
final class Output {

  private Output() {}

  static void write(CliEnvironment env, String output, String rendered, EventLog log) {
    if (output.equals("-")) {
      env.out().print(rendered);
      env.out().flush();
      return;
    }
    Path file = env.host().workingDirectory().resolve(output);
    AtomicFileWriter.write(file, rendered);
    log.debug("output.written", Map.of("path", file.toAbsolutePath().normalize().toString()));
  }
}
