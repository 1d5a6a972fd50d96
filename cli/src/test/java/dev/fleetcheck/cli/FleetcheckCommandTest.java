package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A command line builds only the subcommand it names, and nobody can tell from the outside. */
class FleetcheckCommandTest {

  private static final Set<String> ALL = Set.of("scan", "rules", "sweep", "report", "demo");

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(FleetcheckCommand.subcommandsFor("scan", ".", "--format", "json"))
        .containsExactly("scan");
    assertThat(FleetcheckCommand.subcommandsFor("rules")).containsExactly("rules");
  }

  @Test
  void withoutAKnownSubcommandFirstEveryOneIsBuilt() {
    assertThat(FleetcheckCommand.subcommandsFor()).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(FleetcheckCommand.subcommandsFor("--version"))
        .containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(FleetcheckCommand.subcommandsFor("sacn", "."))
        .containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(FleetcheckCommand.subcommandsFor("--verbose", "scan"))
        .containsExactlyInAnyOrderElementsOf(ALL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scan", "rules", "sweep", "report", "demo"})
  void aSubcommandsHelpIsTheSameAsInTheFullCommandLine(String name) {
    CliRun.Result lazy = CliRun.with().run(name, "--help");

    StringWriter full = new StringWriter();
    CommandLine everything = FleetcheckCommand.commandLine(environment(new StringWriter()));
    everything.getSubcommands().get(name).usage(new PrintWriter(full, true));

    assertThat(lazy.exit()).isEqualTo(ExitCodes.OK);
    assertThat(lazy.out()).isEqualTo(full.toString());
  }

  @Test
  void theTopLevelUsageStillListsEverySubcommand() {
    CliRun.Result result = CliRun.with().run("--help");

    assertThat(result.out()).contains("scan", "rules", "sweep", "report", "demo");
  }

  @Test
  void aMisspeltSubcommandIsStillAUsageError() {
    CliRun.Result result = CliRun.with().run("sacn", ".");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err()).contains("invalid_argument", "'sacn'", "Try 'fleetcheck --help'");
    assertThat(result.out()).isEmpty();
  }

  private static CliEnvironment environment(StringWriter sink) {
    PrintWriter writer = new PrintWriter(sink, true);
    Path here = Path.of("").toAbsolutePath();
    return new CliEnvironment(
        writer,
        writer,
        RepoFetcherFactory.none(),
        RulePack::standard,
        Clock.systemUTC(),
        () -> CliRun.RUN_ID,
        new CliEnvironment.Host(Map.of(), here, here.resolve("target/no-data-dir"), false));
  }
}
