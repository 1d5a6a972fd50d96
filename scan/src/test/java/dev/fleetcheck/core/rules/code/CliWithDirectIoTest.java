package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliWithDirectIoTest {

  @TempDir Path dir;

  @Test
  void ioInTheModuleDeclaringTheCliFails() {
    Path repo = CliLayerFixtures.tangled(dir);

    assertThat(findings(check(new CliWithDirectIo(), repo, Profile.CLI)))
        .containsExactly(
            "tool/app.py:10: module declares the CLI and calls subprocess.run(...) itself");
  }

  @Test
  void layeredClisStayManual() {
    Path repo = CliLayerFixtures.layered(dir);

    assertNoEvidentViolation(check(new CliWithDirectIo(), repo, Profile.CLI));
  }
}
