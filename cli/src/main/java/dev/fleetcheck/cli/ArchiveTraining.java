package dev.fleetcheck.cli;

import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's training run for the class-data archive ({@code -XX:ArchiveClassesAtExit}, see
 * docs/adr/0011-fast-cold-cli.md): runs in one process the commands a cold {@code fleetcheck} most
 * often runs, so the archive holds their classes. Each argument is a folder to scan, once per
 * report format; the output is thrown away. Exits 0 whatever the scans found.
 */
public final class ArchiveTraining {

  private ArchiveTraining() {}

  public static void main(String[] folders) {
    CliEnvironment real = CliEnvironment.system(GitFetchers.jgit(System.getenv()));
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    CliEnvironment quiet =
        new CliEnvironment(
            discard,
            discard,
            real.fetchers(),
            real.rulePack(),
            real.clock(),
            real.runIds(),
            real.host());
    for (String[] args : invocations(folders)) {
      FleetcheckCommand.run(quiet, args);
    }
  }

  static List<String[]> invocations(String... folders) {
    List<String[]> runs = new ArrayList<>();
    for (String folder : folders) {
      for (OutputFormat format : OutputFormat.values()) {
        // CI jobs log as JSON lines; one run each way puts both loggers in the archive.
        String logs = format == OutputFormat.JSON ? "json" : "text";
        runs.add(
            new String[] {
              "scan", folder, "--format", format.id(), "--log-format", logs, "--fail-on", "never"
            });
      }
    }
    runs.add(new String[] {"rules"});
    runs.add(new String[] {"scan", "--help"});
    return runs;
  }
}
