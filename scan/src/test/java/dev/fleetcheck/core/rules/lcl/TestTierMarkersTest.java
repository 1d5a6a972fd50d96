package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTierMarkersTest {

  @TempDir Path dir;

  @Test
  void passesOnPyprojectMarkers() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[tool.pytest.ini_options]\nmarkers = [\n  \"integration: uses emulators\",\n  \"e2e: journeys\",\n]\n")
            .build();
    Outcome outcome = FixtureRepo.check(new TestTierMarkers(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at("pyproject.toml", 3, "marker `integration`"),
            Evidence.at("pyproject.toml", 4, "marker `e2e`"));
  }

  @Test
  void passesOnIniAndConftestRegistration() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tox.ini", "[pytest]\nmarkers =\n    slow_integration: slow\n")
            .file(
                "tests/conftest.py",
                "def pytest_configure(config):\n    config.addinivalue_line(\"markers\", \"end_to_end: full\")\n")
            .build();
    assertThat(FixtureRepo.check(new TestTierMarkers(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsNamingTheMissingTier() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[tool.pytest.ini_options]\nmarkers = [\"integration\", \"slow\"]\n")
            .build();
    Outcome outcome = FixtureRepo.check(new TestTierMarkers(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.file(
                "pyproject.toml",
                "no pytest marker for the e2e tier (registered: integration, slow)"));
  }
}
