package dev.fleetcheck.core.rules.lcl;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnboundedEndToEndTierTest {

  @TempDir Path dir;
  private final UnboundedEndToEndTier rule = new UnboundedEndToEndTier();

  @Test
  void anUnboundedOversizedE2eTierFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/e2e/test_journeys.py", "def test_a(): ...\ndef test_b(): ...\n")
            .file("tests/test_unit.py", "def test_c(): ...\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "2 e2e test functions outnumber the 1 other test functions",
            "tests/e2e/test_journeys.py: the e2e tier has no timeout: pytest-timeout, --timeout or"
                + " CI timeout-minutes");
  }

  @Test
  void aTimedSmallE2eTierStaysManualAndNoTierIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[project]\nname = \"x\"\nversion = \"1.0.0\"\n[tool.pytest.ini_options]\n"
                    + "timeout = 300\n")
            .file("tests/e2e/test_journeys.py", "def test_a(): ...\n")
            .file("tests/test_unit.py", "def test_c(): ...\ndef test_d(): ...\n")
            .build();
    assertNoEvidentViolation(check(rule, repo));

    Path marked =
        FixtureRepo.in(dir.resolve("m"))
            .python()
            .file(
                "tests/test_flow.py",
                "import pytest\n@pytest.mark.e2e\n@pytest.mark.timeout(60)\ndef test_a(): ...\n")
            .file("tests/test_unit.py", "def test_c(): ...\n")
            .build();
    assertNoEvidentViolation(check(rule, marked));

    Path none =
        FixtureRepo.in(dir.resolve("n")).python().file("tests/test_a.py", "x = 1\n").build();
    assertThat(check(rule, none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
