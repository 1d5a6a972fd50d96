package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeModulesTest {

  @TempDir Path dir;
  private final LargeModules rule = new LargeModules();

  @Test
  void modulesOverTheLineOrDefinitionLimitFail() {
    assertThat(findings(check(rule, SizeFixtures.oversized(dir))))
        .containsExactly(
            "pkg/big.py: 42 top-level definitions (over 40)",
            "pkg/lines.py: 1001 non-blank lines (over 1000)");
  }

  @Test
  void definitionsAtTheLimitsNestedApartAndTestCodeStayManual() {
    assertNoEvidentViolation(check(rule, SizeFixtures.atTheLimits(dir)));
  }

  @Test
  void vendoredCopiesOfOtherProjectsAreNotSplit() {
    assertThat(findings(check(rule, SizeFixtures.vendored(dir))))
        .containsExactly("pkg/own.py: 1001 non-blank lines (over 1000)");
  }
}
