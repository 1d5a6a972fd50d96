package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeCheckHookTest {

  @TempDir Path dir;

  private Path repo(String repoUrl, String hooks) {
    return FixtureRepo.in(dir)
        .python()
        .file(
            ".pre-commit-config.yaml",
            "repos:\n  - repo: " + repoUrl + "\n    rev: v1\n    hooks:\n" + hooks)
        .build();
  }

  @Test
  void passesOnPyrightHook() {
    Path repo = repo("https://github.com/RobertCraigie/pyright-python", "      - id: pyright\n");
    assertThat(FixtureRepo.check(new TypeCheckHook(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void passesOnLocalEntryRunningMypy() {
    Path repo = repo("local", "      - id: types\n        entry: poetry run mypy src\n");
    assertThat(FixtureRepo.check(new TypeCheckHook(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWithoutTypeCheckHook() {
    Path repo = repo("https://github.com/pre-commit/pre-commit-hooks", "      - id: check-yaml\n");
    assertThat(FixtureRepo.check(new TypeCheckHook(), repo).evidence().get(0).message())
        .isEqualTo("no type-check hook (mypy or pyright) (hooks: check-yaml)");
  }
}
