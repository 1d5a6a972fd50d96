package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelTestsTest {

  @TempDir Path dir;

  @Test
  void passesOnXdistDependency() {
    Path repo =
        FixtureRepo.in(dir)
            .file("pyproject.toml", "[dependency-groups]\ntest = [\"pytest-xdist\"]\n")
            .build();
    assertThat(FixtureRepo.check(new ParallelTests(), repo).evidence())
        .containsExactly(Evidence.at("pyproject.toml", 2, "declared in [dependency-groups]"));
  }

  @Test
  void passesOnAddoptsOrTestTarget(@TempDir Path other) {
    Path addopts =
        FixtureRepo.in(dir).python().file("pytest.ini", "[pytest]\naddopts = -q -n auto\n").build();
    assertThat(FixtureRepo.check(new ParallelTests(), addopts).status()).isEqualTo(Status.PASS);
    Path target =
        FixtureRepo.in(other).python().file("Makefile", "test:\n\tuv run pytest -n auto\n").build();
    assertThat(FixtureRepo.check(new ParallelTests(), target).evidence().get(0).message())
        .isEqualTo("`test` target (make) runs pytest with -n");
  }

  @Test
  void failsWithoutParallelism() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", "test:\n\tuv run pytest -x\n").build();
    Outcome outcome = FixtureRepo.check(new ParallelTests(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
