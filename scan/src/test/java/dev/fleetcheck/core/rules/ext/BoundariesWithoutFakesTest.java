package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundariesWithoutFakesTest {

  @TempDir Path dir;
  private final BoundariesWithoutFakes rule = new BoundariesWithoutFakes();

  @Test
  void boundariesWithNeitherFakeNorEmulatorFail() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir))))
        .containsExactly(
            "app/core.py: AWS SDK boundary with neither a fake nor an emulator in tests",
            "app/core.py:4: outbound HTTP boundary with neither a fake nor an emulator in tests");
  }

  @Test
  void fakedBoundariesStayManualAndNoBoundaryIsNotApplicable() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertThat(findings(check(rule, TestIsolationFixtures.djangoPostgres(dir.resolve("d")))))
        .containsExactly(
            "site/settings.py:1: database boundary with neither a fake nor an emulator in tests");
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
