package dev.fleetcheck.cli;

import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;

/** Runs the CLI in-process with captured streams, a fixed clock and a fixed run ID. */
final class CliRun {

  static final String RUN_ID = "00000000-0000-4000-8000-000000000001";

  record Result(int exit, String out, String err) {}

  private RepoFetcherFactory fetchers = RepoFetcherFactory.none();
  private RulePack pack = RulePack.standard();

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

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            fetchers,
            pack,
            Clock.fixed(FixtureRepo.NOW, ZoneOffset.UTC),
            () -> RUN_ID);
    int exit = FleetcheckCommand.run(env, args);
    return new Result(exit, out.toString(), err.toString());
  }
}
