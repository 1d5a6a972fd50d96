package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.report.ReportSchema;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder with nothing to check is said to be so, never a compliant repository scoring 100. */
class NoPythonProjectCliTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void anEmptyFolderExitsFourWithItsCodeAndNoScore() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    for (String failOn : List.of("required", "never")) {
      CliRun.Result result = CliRun.with().run("scan", empty.toString(), "--fail-on", failOn);

      assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.NO_PYTHON_PROJECT);
      assertThat(result.out())
          .contains("Score:      none: no Python project found")
          .doesNotContain("100.0");
      assertThat(result.err())
          .contains("WARN scan.no_python_project", "error_code=no_python_project")
          .contains("exit_code=4")
          .doesNotContain("score=");
    }
  }

  @Test
  void aRepositoryWithoutPythonSaysSoInJsonSarifAndMarkdown() throws Exception {
    Path site =
        FixtureRepo.in(dir.resolve("site"))
            .file("README.md", "# a web site\n")
            .file("index.js", "console.log('hi')\n")
            .git()
            .build();

    CliRun.Result json = CliRun.with().run("scan", site.toString(), "--format", "json");
    CliRun.Result sarif = CliRun.with().run("scan", site.toString(), "--format", "sarif");
    CliRun.Result markdown = CliRun.with().run("scan", site.toString(), "--format", "markdown");

    assertThat(List.of(json.exit(), sarif.exit(), markdown.exit()))
        .containsOnly(ExitCodes.NO_PYTHON_PROJECT);
    JsonNode report = mapper.readTree(json.out());
    assertThat(report.get("python_project").asBoolean(true)).isFalse();
    assertThat(report.get("score").get("value").isNull()).isTrue();
    assertThat(ReportSchema.violations(json.out())).isEmpty();
    JsonNode properties = mapper.readTree(sarif.out()).get("runs").get(0).get("properties");
    assertThat(properties.get("pythonProject").asBoolean(true)).isFalse();
    assertThat(properties.has("score")).isFalse();
    assertThat(markdown.out()).contains("**Score: none: no Python project found");
  }

  @Test
  void aSweepListsARepositoryWithoutPythonWithItsOwnStateAndNoScore() throws Exception {
    List<Path> repos = new ArrayList<>(FleetFixtures.repositories(dir.resolve("repos"), 1));
    repos.add(
        FixtureRepo.in(dir.resolve("repos/docs-site")).file("README.md", "# docs\n").git().build());
    String inventory =
        FleetFixtures.inventory(dir.resolve("fleet.yaml"), repos, FleetFixtures::fileUrl)
            .toString();
    CliRun cli =
        CliRun.with()
            .fetchers(GitFetchers.jgit(Map.of()))
            .clock(new SteppingClock(FixtureRepo.NOW))
            .workingDirectory(dir);

    CliRun.Result result =
        cli.run(
            "sweep",
            "--inventory",
            inventory,
            "--data-dir",
            "data",
            "--fail-on",
            "never",
            "--format",
            "json");

    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode rows = mapper.readTree(result.out()).get("repositories");
    JsonNode docs = rows.get(0);
    assertThat(docs.get("repository").asText()).isEqualTo("docs-site");
    assertThat(docs.get("state").asText()).isEqualTo("no_python_project");
    assertThat(docs.get("error_code").asText()).isEqualTo("no_python_project");
    assertThat(docs.get("score").isNull()).isTrue();
    assertThat(rows.get(1).get("state").asText()).isEqualTo("scanned");

    CliRun.Result table =
        cli.run("sweep", "--inventory", inventory, "--data-dir", "data", "--fail-on", "never");
    assertThat(table.out())
        .contains("2 repositories, 1 scanned, 0 failed, 1 with no Python project");
  }
}
