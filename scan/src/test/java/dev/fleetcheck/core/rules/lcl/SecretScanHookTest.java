package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScanHookTest {

  @TempDir Path dir;

  private Path repo(String id) {
    return FixtureRepo.in(dir)
        .python()
        .file(
            ".pre-commit-config.yaml",
            "repos:\n  - repo: https://example.invalid/hooks\n    rev: v1\n    hooks:\n      - id: "
                + id
                + "\n")
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gitleaks", "detect-secrets", "trufflehog", "ggshield"})
  void passesOnSecretScanners(String id) {
    assertThat(FixtureRepo.check(new SecretScanHook(), repo(id)).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOnUnrelatedHooks() {
    assertThat(FixtureRepo.check(new SecretScanHook(), repo("end-of-file-fixer")).status())
        .isEqualTo(Status.FAIL);
  }
}
