package dev.fleetcheck.cli;

import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process with captured streams, a fixed clock and a fixed run ID. */
final class CliRun {

  static final String RUN_ID = "00000000-0000-4000-8000-000000000001";

  record Result(int exit, String out, String err) {}

  private RepoFetcherFactory fetchers = RepoFetcherFactory.none();
  private RulePack pack = RulePack.standard();
  private Map<String, String> environment = Map.of();
  private Clock clock = Clock.fixed(FixtureRepo.NOW, ZoneOffset.UTC);
  private Path workingDirectory = Path.of("").toAbsolutePath();
  private Path defaultDataDir = Path.of("").toAbsolutePath().resolve("target/no-default-data-dir");

  static CliRun with() {
    return new CliRun();
  }

  CliRun fetchers(RepoFetcherFactory fetchers) {
    this.fetchers = fetchers;
    return this;
  }

  CliRun pack(RulePack pack) {
    this.pack = pack;
    return this;
  }

  /** Environment variables the command sees (none by default, whatever the test JVM has). */
  CliRun environment(Map<String, String> variables) {
    this.environment = variables;
    return this;
  }

  /** A clock that moves, for commands whose records are ordered by time (sweeps). */
  CliRun clock(Clock value) {
    this.clock = value;
    return this;
  }

  CliRun workingDirectory(Path folder) {
    this.workingDirectory = folder;
    return this;
  }

  CliRun defaultDataDir(Path folder) {
    this.defaultDataDir = folder;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            fetchers,
            () -> pack,
            clock,
            () -> RUN_ID,
            new CliEnvironment.Host(environment, workingDirectory, defaultDataDir, false));
    int exit = FleetcheckCommand.run(env, args);
    return new Result(exit, out.toString(), err.toString());
  }
}
