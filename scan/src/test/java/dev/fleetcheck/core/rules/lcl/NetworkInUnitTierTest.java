package dev.fleetcheck.core.rules.lcl;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.ext.TestIsolationFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkInUnitTierTest {

  @TempDir Path dir;
  private final NetworkInUnitTier rule = new NetworkInUnitTier();

  @Test
  void unitTestsWithContainersOrUnmockedPublicHostsFail() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir))))
        .containsExactly(
            "tests/test_core.py: unit-tier test imports testcontainers: needs containers",
            "tests/test_core.py:6: unit-tier test calls api.github.com over the network without an"
                + " HTTP mock");
  }

  @Test
  void mockedTieredTestsStayManualAndNoTestsIsNotApplicable() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertThat(check(rule, TestIsolationFixtures.djangoPostgres(dir.resolve("d"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
