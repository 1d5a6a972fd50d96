package dev.fleetcheck.core.rules.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PY-LCL-014 to 017 read the same pre-commit file; each is judged on its own hook. */
class PreCommitHookRulesTest {

  @TempDir Path dir;

  private Path repo(String hooks) {
    return FixtureRepo.in(dir).python().file(".pre-commit-config.yaml", "repos:\n" + hooks).build();
  }

  @Test
  void ruffFormatHookPassesOnLocalIdContainingTheName() {
    Path repo =
        repo(
            "  - repo: local\n    hooks:\n      - id: local-ruff-format\n        entry: make fmt\n");
    Outcome outcome = FixtureRepo.check(new RuffFormatHook(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(".pre-commit-config.yaml", 4, "ruff-format hook: `local-ruff-format`"));
    assertThat(FixtureRepo.check(new RuffLintHook(), repo).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void ruffLintHookPassesOnEntryRunningRuffCheck() {
    Path repo =
        repo(
            "  - repo: local\n    hooks:\n      - id: lint\n        entry: uv run ruff check --fix\n");
    assertThat(FixtureRepo.check(new RuffLintHook(), repo).status()).isEqualTo(Status.PASS);
    assertThat(FixtureRepo.check(new RuffFormatHook(), repo).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void typeCheckHookOnMirrorsMypyOrPyright() {
    Path repo =
        repo(
            "  - repo: https://github.com/RobertCraigie/pyright-python\n    rev: v1\n    hooks:\n      - id: pyright\n");
    assertThat(FixtureRepo.check(new TypeCheckHook(), repo).status()).isEqualTo(Status.PASS);
    assertThat(FixtureRepo.check(new SecretScanHook(), repo).evidence().get(0).message())
        .startsWith("no secret-scanning hook")
        .endsWith("(hooks: pyright)");
  }

  @Test
  void secretScanHookOnGitleaksOrDetectSecrets() {
    Path repo =
        repo(
            "  - repo: https://github.com/Yelp/detect-secrets\n    rev: v1\n    hooks:\n      - id: detect-secrets\n");
    assertThat(FixtureRepo.check(new SecretScanHook(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void everyHookRuleFailsWithoutConfig() {
    Path repo = FixtureRepo.in(dir).python().build();
    Outcome outcome = FixtureRepo.check(new TypeCheckHook(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no .pre-commit-config.yaml");
  }
}
