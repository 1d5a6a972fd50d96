package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PytestConfiguredTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pyproject.toml|[tool.pytest.ini_options]\\naddopts = \"-q\"\\n",
        "pyproject.toml|[tool.pytest]\\nminversion = \"9.0\"\\n",
        "pytest.ini|[pytest]\\naddopts = -q\\n",
        "setup.cfg|[tool:pytest]\\ntestpaths = tests\\n",
        "tox.ini|[pytest]\\naddopts = -q\\n",
        "src/pkg/tests/conftest.py|import pytest\\n",
        "requirements-dev.txt|pytest==8.0\\n"
      })
  void passesOnEachSource(String path, String content) {
    Path repo =
        FixtureRepo.in(dir)
            .file("app.py", "x = 1\n")
            .file(path, content.replace("\\n", "\n"))
            .build();
    Outcome outcome = FixtureRepo.check(new PytestConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence()).extracting(Evidence::path).contains(path);
  }

  @Test
  void failsWhenOnlyUnittestIsUsed() {
    Path repo = FixtureRepo.in(dir).python().file("pkg/mod.py", "import unittest\n").build();
    Outcome outcome = FixtureRepo.check(new PytestConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .startsWith("pytest is neither configured nor declared");
  }
}
