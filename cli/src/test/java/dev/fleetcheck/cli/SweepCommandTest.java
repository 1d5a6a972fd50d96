package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} in-process over file:// repositories cloned with the real JGit fetcher. */
class SweepCommandTest {

  private static final Pattern SWEEP_ID = Pattern.compile("sweep_id=(sw-[0-9TZ]+-[0-9a-f]+)");

  @TempDir Path dir;

  /** One clock for all runs of a test, so each sweep starts after the one before. */
  private final SteppingClock clock = new SteppingClock(FixtureRepo.NOW);

  private CliRun cli() {
    return CliRun.with().fetchers(GitFetchers.jgit(Map.of())).clock(clock).workingDirectory(dir);
  }

  private Path inventory(List<Path> repos) throws IOException {
    return FleetFixtures.inventory(dir.resolve("fleet.yaml"), repos, FleetFixtures::fileUrl);
  }

  @Test
  void printsOneRowPerRepositoryOnStdoutAndProgressOnStderr() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 3);

    CliRun.Result result =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory(repos).toString(),
                "--data-dir",
                "data",
                "--workers",
                "2",
                "--fail-on",
                "never");

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("REPOSITORY").contains("SCORE", "BAND", "FAIL", "TREND");
    assertThat(lines.subList(1, 4))
        .zipSatisfy(
            List.of("repo-00", "repo-01", "repo-02"),
            (line, name) ->
                assertThat(line)
                    .startsWith(name)
                    .contains(name.endsWith("1") ? "team-b" : "team-a"));
    assertThat(result.out()).contains("3 repositories, 3 scanned, 0 failed", "no previous sweep");
    assertThat(result.out()).doesNotContain("INFO", "sweep.progress");
    assertThat(result.err()).contains("sweep.start", "sweep.progress", "done=3", "sweep.end");
    assertThat(dir.resolve("data").resolve("fleetcheck.db")).exists();
  }

  @Test
  void secondSweepShowsTheTrendAgainstTheFirst() throws Exception {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 2);
    String inventory = inventory(repos).toString();
    CliRun.Result first =
        cli().run("sweep", "--inventory", inventory, "--data-dir", "data", "--fail-on", "never");
    String firstId = sweepId(first.err());

    FleetFixtures.commitDeletion(repos.get(1), "tests/test_value.py");
    CliRun.Result second =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory,
                "--data-dir",
                "data",
                "--fail-on",
                "never",
                "--format",
                "json");

    assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);
    JsonNode table = new ObjectMapper().readTree(second.out());
    assertThat(table.get("previous_sweep_id").asText()).isEqualTo(firstId);
    JsonNode unchanged = table.get("repositories").get(0);
    assertThat(unchanged.get("repository").asText()).isEqualTo("repo-00");
    assertThat(unchanged.get("trend").get("score_delta").asDouble()).isZero();
    assertThat(unchanged.get("trend").get("new_failures")).isEmpty();
    JsonNode changed = table.get("repositories").get(1);
    assertThat(changed.get("trend").get("new_failures").toString()).contains("PY-TST-001");
    assertThat(changed.get("trend").get("score_delta").asDouble()).isNegative();
  }

  @Test
  void aRepositoryThatCannotBeClonedShowsItsErrorCodeAndExits1() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);
    Path missing = dir.resolve("repos").resolve("gone");
    Path inventory =
        FleetFixtures.inventory(
            dir.resolve("fleet.yaml"), List.of(repos.get(0), missing), FleetFixtures::fileUrl);

    CliRun.Result result =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory.toString(),
                "--data-dir",
                "data",
                "--fail-on",
                "never",
                "--format",
                "json");

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    JsonNode table = new ObjectMapper().readTree(result.out());
    JsonNode gone = table.get("repositories").get(0);
    assertThat(gone.get("repository").asText()).isEqualTo("gone");
    assertThat(gone.get("state").asText()).isEqualTo("failed");
    assertThat(gone.get("error_code").asText()).isEqualTo("repo_not_found");
    assertThat(table.get("repositories").get(1).get("state").asText()).isEqualTo("scanned");
  }

  @Test
  void aRepositoryBreakingARequiredRuleExits3UnlessFailOnNever() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);
    String inventory = inventory(repos).toString();

    CliRun.Result strict =
        cli().run("sweep", "--inventory", inventory, "--data-dir", "strict", "--format", "json");
    CliRun.Result lenient =
        cli().run("sweep", "--inventory", inventory, "--data-dir", "lenient", "--fail-on", "never");

    JsonNode row = new ObjectMapper().readTree(strict.out()).get("repositories").get(0);
    assertThat(row.get("non_compliant").asBoolean()).isTrue();
    assertThat(strict.exit()).isEqualTo(ExitCodes.NON_COMPLIANT);
    assertThat(lenient.exit()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aBadInventoryFileExits1WithItsErrorCodeAndPrintsNothingOnStdout() throws IOException {
    Path inventory = dir.resolve("bad.yaml");
    Files.writeString(inventory, "repositories:\n  - name: no-url\n");

    CliRun.Result result =
        cli().run("sweep", "--inventory", inventory.toString(), "--data-dir", "data");

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.err()).contains("error_code=inventory_invalid");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void resumingASweepThatDoesNotExistIsSweepNotFound() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);

    CliRun.Result result =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory(repos).toString(),
                "--data-dir",
                "data",
                "--resume",
                "sw-nope");

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.err()).contains("error_code=sweep_not_found");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void resumingAFinishedSweepQueuesNothingAndPrintsTheSameTable() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 2);
    String inventory = inventory(repos).toString();
    CliRun.Result first =
        cli().run("sweep", "--inventory", inventory, "--data-dir", "data", "--fail-on", "never");

    CliRun.Result resumed =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory,
                "--data-dir",
                "data",
                "--fail-on",
                "never",
                "--resume",
                sweepId(first.err()));

    assertThat(resumed.exit()).isEqualTo(ExitCodes.OK);
    assertThat(resumed.err()).contains("resumed=true", "jobs_sent=0");
    assertThat(resumed.out()).isEqualTo(first.out());
  }

  @Test
  void workersOutOfRangeFromTheEnvironmentIsAConfigErrorNamingTheVariable() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);

    CliRun.Result result =
        cli()
            .environment(Map.of("FLEETCHECK_WORKERS", "0"))
            .run("sweep", "--inventory", inventory(repos).toString(), "--data-dir", "data");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err()).contains("error_code=invalid_config", "FLEETCHECK_WORKERS");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aScanTimeoutAJobCouldNotFinishWithinTheVisibilityTimeoutIsRefusedAtStartup()
      throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);

    CliRun.Result result =
        cli()
            .environment(Map.of("FLEETCHECK_SCAN_TIMEOUT", "3m"))
            .run("sweep", "--inventory", inventory(repos).toString(), "--data-dir", "data");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err())
        .contains(
            "error_code=invalid_config",
            "FLEETCHECK_SCAN_TIMEOUT",
            "visibility timeout of 4m",
            "set scan_timeout below 2m");
    assertThat(result.out()).isEmpty();
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void aScanTimeoutWithinTheVisibilityTimeoutSweepsAsUsual() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);

    CliRun.Result result =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory(repos).toString(),
                "--data-dir",
                "data",
                "--scan-timeout",
                "100s",
                "--fail-on",
                "never");

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void settingsComeFromTheConfigFileInTheDataDir() throws IOException {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        dir.resolve("data/config.toml"), "format = \"csv\"\nfail_on = \"never\"\nworkers = 1\n");

    CliRun.Result result =
        cli()
            .environment(Map.of("FLEETCHECK_DATA_DIR", dir.resolve("data").toString()))
            .run("sweep", "--inventory", inventory(repos).toString());

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("repository,team,state,score");
    assertThat(result.err()).contains("workers=1");
  }

  static String sweepId(String err) {
    Matcher matcher = SWEEP_ID.matcher(err);
    assertThat(matcher.find()).as("a sweep_id in: %s", err).isTrue();
    return matcher.group(1);
  }
}
