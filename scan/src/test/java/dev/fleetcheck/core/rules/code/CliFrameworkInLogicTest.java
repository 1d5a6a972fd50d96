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
}
