package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuffConfiguredTest {

  @TempDir Path dir;

  private FixtureRepo ruff() {
    return FixtureRepo.in(dir)
        .file("pyproject.toml", "[project]\nname = \"x\"\n[tool.ruff.lint]\nselect = [\"E\"]\n");
  }

  @Test
  void lintSubtableAloneMeansConfigured() {
    Outcome outcome = FixtureRepo.check(new RuffConfigured(), ruff().build());
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.file("pyproject.toml", "Ruff configured in [tool.ruff]"));
  }

  @Test
  void passesWhenLintRunsBothThroughPrerequisites() {
    Path repo =
        ruff()
            .file(
                "Makefile",
                "lint: check fmt\ncheck:\n\tuv run ruff check .\nfmt:\n\tuv run ruff format --check .\n")
            .build();
    Outcome outcome = FixtureRepo.check(new RuffConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .contains(
            Evidence.at("Makefile", 1, "`lint` target (make) runs ruff check and ruff format"));
  }

  @Test
  void failsSayingFormatIsMissingFromLint() {
    Path repo = ruff().file("Makefile", "lint:\n\truff check src\n").build();
    Outcome outcome = FixtureRepo.check(new RuffConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at("Makefile", 1, "`lint` target (make) does not run `ruff format`"));
  }

  @Test
  void preCommitRunAndHatchFmtCount(@TempDir Path other) {
    Path viaPreCommit =
        ruff()
            .file("Makefile", "lint:\n\tpre-commit run --all-files\n")
            .file(
                ".pre-commit-config.yaml",
                "repos:\n  - repo: local\n    hooks:\n      - id: ruff-check\n      - id: ruff-format\n")
            .build();
    assertThat(FixtureRepo.check(new RuffConfigured(), viaPreCommit).status())
        .isEqualTo(Status.PASS);
    Path viaHatch =
        FixtureRepo.in(other)
            .python()
            .file("ruff.toml", "line-length = 100\n")
            .file("justfile", "lint:\n    hatch fmt --linter\n")
            .build();
    Outcome outcome = FixtureRepo.check(new RuffConfigured(), viaHatch);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).endsWith("does not run `ruff format`");
  }

  @Test
  void failsWhenNotConfiguredEvenIfNestedExampleConfiguresIt() {
    Path repo =
        FixtureRepo.in(dir).python().file("examples/demo/pyproject.toml", "[tool.ruff]\n").build();
    Outcome outcome = FixtureRepo.check(new RuffConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("Ruff is not configured");
  }
}
