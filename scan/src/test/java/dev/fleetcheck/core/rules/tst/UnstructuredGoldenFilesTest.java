package dev.fleetcheck.core.rules.tst;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnstructuredGoldenFilesTest {

  @TempDir Path dir;
  private final UnstructuredGoldenFiles rule = new UnstructuredGoldenFiles();

  private static final String CLI =
      """
      import click

      @click.command()
      @click.option("--format", type=click.Choice(["text", "json"]), help="output format")
      def main(format):
          \"\"\"Report.\"\"\"
      """;

  @Test
  void jsonCapableCliWithOnlyTextGoldenFilesFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", CLI)
            .file("tests/golden/report.txt", "name  count\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:4: --format prints JSON, but every golden file snapshots text");
  }

  @Test
  void jsonGoldenFilesStayManualAndTextOnlyClisAreNotApplicable() {
    Path json =
        FixtureRepo.in(dir.resolve("j"))
            .python()
            .file("tool/cli.py", CLI)
            .file("tests/golden/report.json", "{}\n")
            .build();
    assertNoEvidentViolation(check(rule, json, Profile.CLI));

    Path text =
        FixtureRepo.in(dir.resolve("t"))
            .python()
            .file(
                "tool/cli.py", "import click\n@click.command()\ndef main():\n    \"\"\"R.\"\"\"\n")
            .file("tests/golden/report.txt", "x\n")
            .build();
    assertThat(check(rule, text, Profile.CLI).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
