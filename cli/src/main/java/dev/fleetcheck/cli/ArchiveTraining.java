package dev.fleetcheck.cli;

import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's training run for the class-data archive (it lists the classes it loads with {@code
 * -XX:DumpLoadedClassList}, which a static dump then archives; see docs/adr/0011-fast-cold-cli.md
 * and docs/adr/0040-static-class-data-archive.md): runs in one process the commands a cold {@code
 * fleetcheck} most often runs, so the archive holds their classes. Each argument is a folder to
 * scan; the build passes every example (together they detect every profile, so every profile's
 * rules and facts run) and the checkout itself (a git work tree). The output is thrown away. Exits
 * 0 whatever the scans found.
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

  /**
   * The first folder in every report format (one run with JSON logs, the others with text logs, so
   * both loggers are archived); every other folder once, as text: what they add is the classes of
   * the rules and facts their profiles bring, which the report format does not change.
   */
  static List<String[]> invocations(String... folders) {
    List<String[]> runs = new ArrayList<>();
    for (int i = 0; i < folders.length; i++) {
      List<OutputFormat> formats =
          i == 0 ? List.of(OutputFormat.values()) : List.of(OutputFormat.TEXT);
      for (OutputFormat format : formats) {
        String logs = format == OutputFormat.JSON ? "json" : "text";
        runs.add(
            new String[] {
              "scan",
              folders[i],
              "--format",
              format.id(),
              "--log-format",
              logs,
              "--fail-on",
              "never"
            });
      }
    }
    runs.add(new String[] {"rules"});
    runs.add(new String[] {"scan", "--help"});
    return runs;
  }
}
