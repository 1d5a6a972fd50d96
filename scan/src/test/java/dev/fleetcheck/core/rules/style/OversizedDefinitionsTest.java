package dev.fleetcheck.core.rules.style;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.rules.code.SizeFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OversizedDefinitionsTest {

  @TempDir Path dir;
  private final OversizedDefinitions rule = new OversizedDefinitions();

  @Test
  void functionsAndClassesBeyondOneScreenFail() {
    assertThat(findings(check(rule, SizeFixtures.oversized(dir))))
        .containsExactly(
            "pkg/big.py:71: Huge spans 504 lines (over 500)",
            "pkg/big.py:72: method spans 503 lines (over 100)");
  }

  @Test
  void definitionsAtTheLimitsNestedApartAndTestCodeStayManual() {
    assertNoEvidentViolation(check(rule, SizeFixtures.atTheLimits(dir)));
  }

  @Test
  void vendoredCopiesOfOtherProjectsAreNotSplit() {
    assertThat(findings(check(rule, SizeFixtures.vendored(dir))))
        .containsExactly("pkg/own.py:1: long spans 101 lines (over 100)");
  }
}
