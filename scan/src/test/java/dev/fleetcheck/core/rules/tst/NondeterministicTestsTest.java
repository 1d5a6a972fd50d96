package dev.fleetcheck.core.rules.tst;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.ext.TestIsolationFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NondeterministicTestsTest {

  @TempDir Path dir;
  private final NondeterministicTests rule = new NondeterministicTests();

  @Test
  void unseededRandomnessAndFixedTempPathsFail() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir))))
        .containsExactly(
            "tests/test_core.py:7: random.choice(...) uses unseeded randomness",
            "tests/test_core.py:8: test writes to a fixed temp path");
  }

  @Test
  void seededTestsWithTmpPathStayManualAndNoTestsIsNotApplicable() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
