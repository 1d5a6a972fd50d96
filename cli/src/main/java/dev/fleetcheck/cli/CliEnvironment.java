package dev.fleetcheck.cli;

import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.embedded.DataDirectory;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the commands need from the outside world: stdout for results, stderr for diagnostics, the
 * git fetcher, the rule pack, a clock, run IDs and the {@link Host} (environment variables, working
 * folder, default data dir, whether stderr is a terminal). Tests pass their own to run commands
 * in-process.
 *
 * @param rulePack the rule pack, asked for when a command needs it: the real process builds it on
 *     another thread while picocli parses the command line
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    RepoFetcherFactory fetchers,
    Supplier<RulePack> rulePack,
    Clock clock,
    Supplier<String> runIds,
    Host host) {

  /** The rule pack (waits for it when it is still being built). */
  public RulePack pack() {
    return rulePack.get();
  }

  /**
   * The process's surroundings that settings depend on.
   *
   * @param environment the environment variables ({@code FLEETCHECK_*} settings, the token)
   * @param workingDirectory where relative paths and {@code ./fleetcheck.toml} are found
   * @param defaultDataDir the data dir when no setting names one
   * @param terminal whether stderr is an interactive terminal (a redrawn progress bar)
   */
  public record Host(
      Map<String, String> environment,
      Path workingDirectory,
      Path defaultDataDir,
      boolean terminal) {

    public Host {
      environment = Map.copyOf(environment);
      workingDirectory = workingDirectory.toAbsolutePath().normalize();
      defaultDataDir = defaultDataDir.toAbsolutePath().normalize();
    }

    public static Host system() {
      return new Host(
          System.getenv(),
          Path.of("").toAbsolutePath(),
          DataDirectory.defaultPath(),
          System.console() != null);
    }
  }

  /** The real process: System.out and System.err as UTF-8, UTC clock, random UUID run IDs. */
  public static CliEnvironment system(RepoFetcherFactory fetchers) {
    return new CliEnvironment(
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        fetchers,
        InBackground.start("fleetcheck-rule-pack", RulePack::standard),
        Clock.systemUTC(),
        () -> UUID.randomUUID().toString(),
        Host.system());
  }
}
