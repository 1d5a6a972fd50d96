package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFrameworkInLogicTest {

  @TempDir Path dir;

  @Test
  void frameworkImportsOutsideTheCliLayerFail() {
    Path repo = CliLayerFixtures.tangled(dir);

    assertThat(findings(check(new CliFrameworkInLogic(), repo, Profile.CLI)))
        .containsExactly(
            "tool/logic/report.py: module outside the CLI layer imports argparse, click");
  }

  @Test
  void layeredClisStayManual() {
    Path repo = CliLayerFixtures.layered(dir);

    assertNoEvidentViolation(check(new CliFrameworkInLogic(), repo, Profile.CLI));
  }

  @Test
  void theFrameworksOwnSourceImportingItselfStaysManual() {
    Path repo =
        dev.fleetcheck.core.testing.FixtureRepo.in(dir)
            .python()
            .file("src/click/__main__.py", "from click.core import main\nmain()\n")
            .file("src/click/core.py", "from click.types import Choice\n\ndef main(): ...\n")
            .file("src/click/types.py", "import click\n\nclass Choice: ...\n")
            .build();

    assertNoEvidentViolation(check(new CliFrameworkInLogic(), repo, Profile.CLI));
  }
}
