package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings precedence as the commands apply it. */
class SettingsCliTest {

  @TempDir Path dir;

  @Test
  void scanTakesItsFormatFromTheEnvironmentUnlessTheFlagSaysOtherwise() {
    Path repo = FixtureRepo.in(dir.resolve("repo")).python().build();
    CliRun cli =
        CliRun.with()
            .pack(TestRules.passing(TestRules.REQUIRED))
            .environment(Map.of("FLEETCHECK_FORMAT", "json", "FLEETCHECK_LOG_FORMAT", "json"))
            .workingDirectory(dir);

    CliRun.Result fromEnvironment = cli.run("scan", repo.toString());
    CliRun.Result fromFlag = cli.run("scan", repo.toString(), "--format", "csv");

    assertThat(fromEnvironment.out()).startsWith("{");
    assertThat(fromEnvironment.err()).startsWith("{\"ts\"");
    assertThat(fromFlag.out()).startsWith("rule_id,");
  }

  @Test
  void aConfigFileInTheWorkingFolderSetsTheRulesFormat() throws Exception {
    Files.writeString(dir.resolve("fleetcheck.toml"), "format = \"json\"\n");

    CliRun.Result result = CliRun.with().workingDirectory(dir).run("rules");

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("{");
  }

  @Test
  void anUnknownKeyInTheConfigFileExits2NamingTheKey() throws Exception {
    Path config = dir.resolve("bad.toml");
    Files.writeString(config, "colour = \"blue\"\n");

    CliRun.Result result =
        CliRun.with().workingDirectory(dir).run("rules", "--config", config.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err()).contains("error_code=invalid_config", "'colour'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aFormatTheCommandDoesNotHaveIsAConfigErrorNamingItsSource() {
    CliRun.Result result =
        CliRun.with()
            .environment(Map.of("FLEETCHECK_FORMAT", "sarif"))
            .workingDirectory(dir)
            .run("rules");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err()).contains("error_code=invalid_config", "FLEETCHECK_FORMAT", "'sarif'");
  }
}
