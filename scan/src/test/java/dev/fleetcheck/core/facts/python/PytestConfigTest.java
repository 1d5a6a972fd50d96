package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestConfigTest {

  @TempDir Path dir;

  @Test
  void readsNativeAndIniOptionsTablesAndSetupCfg() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                """
                [tool.pytest]
                addopts = ["-ra", "-n", "auto"]
                markers = ["e2e: journeys"]
                [tool.pytest.ini_options]
                filterwarnings = ["error", "ignore::DeprecationWarning"]
                """)
            .file(
                "setup.cfg",
                "[tool:pytest]\naddopts = --strict-markers\nmarkers =\n  integration: slow\n")
            .build();
    PytestConfig config = FixtureRepo.context(repo).fact(PytestConfig.FACT);
    assertThat(config.configuredAt()).hasSize(3);
    assertThat(config.addopts()).containsExactly("-ra -n auto", "--strict-markers");
    assertThat(config.markers())
        .extracting(PytestConfig.Marker::name)
        .containsExactly("e2e", "integration");
    assertThat(config.filterwarnings()).containsExactly("error", "ignore::DeprecationWarning");
  }
}
