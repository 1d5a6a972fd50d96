package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongFunctionsTest {

  @TempDir Path dir;
  private final LongFunctions rule = new LongFunctions();

  @Test
  void functionsOverFiftyStatementsFail() {
    assertThat(findings(check(rule, SizeFixtures.oversized(dir))))
        .containsExactly(
            "pkg/big.py:1: long has 52 statements (over 50)",
            "pkg/big.py:72: method has 503 statements (over 50)");
  }

  @Test
  void definitionsAtTheLimitsAndTestCodeStayManual() {
    assertNoEvidentViolation(check(rule, SizeFixtures.atTheLimits(dir)));
  }
}
