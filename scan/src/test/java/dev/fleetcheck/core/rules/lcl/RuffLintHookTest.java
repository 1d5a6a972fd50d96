package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuffLintHookTest {

  @TempDir Path dir;

  private Path repo(String hooks) {
    return FixtureRepo.in(dir)
        .python()
        .file(".pre-commit-config.yaml", "repos:\n  - repo: local\n    hooks:\n" + hooks)
        .build();
  }

  @Test
  void passesOnEntryRunningRuffCheck() {
    Path repo = repo("      - id: lint\n        entry: uv run ruff check --fix\n");
    assertThat(FixtureRepo.check(new RuffLintHook(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void passesOnRuffCheckId() {
    assertThat(FixtureRepo.check(new RuffLintHook(), repo("      - id: ruff-check\n")).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aFormatHookIsNotALintHook() {
    Path repo = repo("      - id: ruff-format\n      - id: fmt\n        entry: ruff format\n");
    assertThat(FixtureRepo.check(new RuffLintHook(), repo).status()).isEqualTo(Status.FAIL);
  }
}
