package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplexFunctionsTest {

  @TempDir Path dir;
  private final ComplexFunctions rule = new ComplexFunctions();

  @Test
  void functionsOverComplexityFifteenFail() {
    assertThat(findings(check(rule, SizeFixtures.oversized(dir))))
        .containsExactly("pkg/big.py:54: complex has complexity 16 (over 15)");
  }

  @Test
  void definitionsAtTheLimitsAndTestCodeStayManual() {
    assertNoEvidentViolation(check(rule, SizeFixtures.atTheLimits(dir)));
  }
}
