package dev.fleetcheck.core.rules.tst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestFilesExistTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return FixtureRepo.check(new TestFilesExist(), repo.build());
  }

  @Test
  void passesWithATestsFolder() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("src/app/core.py", "x = 1\n")
                .file("tests/unit/test_core.py", "def test_x():\n    assert True\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("tests/unit/test_core.py");
              assertThat(e.message()).isEqualTo("1 test file (1 Python)");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pkg/test_models.py",
        "pkg/models_test.py",
        "app/tests.py",
        "conftest.py",
        "src/pkg/test/helpers.py"
      })
  void passesOnAnyKindOfTestCode(String path) {
    assertThat(check(FixtureRepo.in(dir).python().file(path, "\n")).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWithoutAnyTestCode() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("src/app/testing_utils.py", "\n")
                .file("src/app/contest.py", "\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no test files");
  }
}
