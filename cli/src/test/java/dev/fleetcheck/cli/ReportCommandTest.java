package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} over a data dir that one real sweep filled. */
class ReportCommandTest {

  @TempDir Path dir;
  private String sweepId;

  /** One clock for all runs of a test, so each sweep starts after the one before. */
  private final SteppingClock clock = new SteppingClock(FixtureRepo.NOW);

  private CliRun cli() {
    return CliRun.with().fetchers(GitFetchers.jgit(Map.of())).clock(clock).workingDirectory(dir);
  }

  @BeforeEach
  void sweepTwoRepositories() throws Exception {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 2);
    Path inventory =
        FleetFixtures.inventory(dir.resolve("fleet.yaml"), repos, FleetFixtures::fileUrl);
    CliRun.Result sweep =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory.toString(),
                "--data-dir",
                "data",
                "--fail-on",
                "never");
    assertThat(sweep.exit()).as(sweep.err()).isEqualTo(ExitCodes.OK);
    sweepId = SweepCommandTest.sweepId(sweep.err());
  }

  @Test
  void writesTheHtmlReportOfTheLatestSweepAtomicallyToAFile() throws Exception {
    CliRun.Result result =
        cli().run("report", "--format", "html", "--output", "fleet.html", "--data-dir", "data");

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEmpty();
    String html = Files.readString(dir.resolve("fleet.html"));
    assertThat(html).contains("<html", "repo-00", "repo-01", sweepId);
    assertThat(result.err()).contains("report.written", "fleet.html");
  }

  @Test
  void writesJsonOfANamedSweepToStdout() throws Exception {
    CliRun.Result result =
        cli()
            .run(
                "report",
                "--sweep",
                sweepId,
                "--format",
                "json",
                "--output",
                "-",
                "--data-dir",
                "data");

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.toString()).contains(sweepId, "repo-00", "repo-01");
  }

  @Test
  void csvAndSarifComeFromTheSameSweep() {
    CliRun.Result csv = cli().run("report", "-f", "csv", "-o", "-", "--data-dir", "data");
    CliRun.Result sarif = cli().run("report", "-f", "sarif", "-o", "-", "--data-dir", "data");

    assertThat(csv.exit()).isEqualTo(ExitCodes.OK);
    assertThat(csv.out()).contains("repo-00", "repo-01");
    assertThat(sarif.exit()).isEqualTo(ExitCodes.OK);
    assertThat(sarif.out()).contains("\"version\"", "2.1.0");
  }

  @Test
  void anUnknownSweepOrAnEmptyDataDirIsSweepNotFound() {
    CliRun.Result unknown =
        cli().run("report", "--sweep", "sw-nope", "-o", "-", "--data-dir", "data");
    CliRun.Result empty = cli().run("report", "-o", "-", "--data-dir", "nothing-here");

    for (CliRun.Result result : List.of(unknown, empty)) {
      assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
      assertThat(result.err()).contains("error_code=sweep_not_found");
      assertThat(result.out()).isEmpty();
    }
    assertThat(dir.resolve("nothing-here")).doesNotExist();
  }
}
