package dev.fleetcheck.cli;

import dev.fleetcheck.core.rules.RulePack;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the commands need from the outside world: stdout for results, stderr for diagnostics, the
 * git fetcher, the rule pack, a clock and run IDs. Tests pass their own to run commands in-process.
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    RepoFetcherFactory fetchers,
    RulePack pack,
    Clock clock,
    Supplier<String> runIds) {

  /** The real process: System.out and System.err as UTF-8, UTC clock, random UUID run IDs. */
  public static CliEnvironment system(RepoFetcherFactory fetchers) {
    return new CliEnvironment(
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        fetchers,
        RulePack.standard(),
        Clock.systemUTC(),
        () -> UUID.randomUUID().toString());
  }
}
