package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuffFormatHookTest {

  @TempDir Path dir;

  @Test
  void passesOnLocalHookWhoseIdContainsRuffFormat() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                ".pre-commit-config.yaml",
                "repos:\n  - repo: local\n    hooks:\n      - id: local-ruff-format\n        entry: make fmt\n")
            .build();
    Outcome outcome = FixtureRepo.check(new RuffFormatHook(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(".pre-commit-config.yaml", 4, "ruff-format hook: `local-ruff-format`"));
  }

  @Test
  void failsWhenOnlyTheLintHookIsThere() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                ".pre-commit-config.yaml",
                "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n"
                    + "    hooks:\n      - id: ruff\n")
            .build();
    Outcome outcome = FixtureRepo.check(new RuffFormatHook(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.file(".pre-commit-config.yaml", "no ruff-format hook (hooks: ruff)"));
  }

  @Test
  void failsWithoutPreCommitConfig() {
    Path repo = FixtureRepo.in(dir).python().build();
    Outcome outcome = FixtureRepo.check(new RuffFormatHook(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no .pre-commit-config.yaml");
  }
}
