package dev.fleetcheck.core.facts.precommit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreCommitConfigTest {

  @TempDir Path dir;

  @Test
  void readsHooksEntriesLinesAndCi() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                ".pre-commit-config.yaml",
                """
                ci:
                  autofix_prs: false
                repos:
                  - repo: https://github.com/astral-sh/ruff-pre-commit
                    rev: v0.6.0
                    hooks:
                      - id: ruff
                      - id: ruff-format
                  - repo: local
                    hooks:
                      - id: types
                        name: types
                        entry: uv run mypy src
                        language: system
                """)
            .build();
    PreCommitConfig config = FixtureRepo.context(repo).fact(PreCommitConfig.FACT);
    assertThat(config.present()).isTrue();
    assertThat(config.ciEnabled()).isTrue();
    assertThat(config.hooks()).extracting(Hook::id).containsExactly("ruff", "ruff-format", "types");
    assertThat(config.hooks()).extracting(Hook::line).containsExactly(7, 8, 11);
    assertThat(config.hasHookFor("mypy")).isTrue();
    assertThat(config.hasHookFor("gitleaks")).isFalse();
    assertThat(config.hookFor("ruff-format").orElseThrow().repo()).contains("ruff-pre-commit");
  }

  @Test
  void entryRunningToolCountsAndAbsentFileIsNotPresent() {
    Hook hook = new Hook("local-fmt", "uv run ruff format --check", "local", 3);
    assertThat(hook.isFor("ruff-format")).isTrue();
    assertThat(hook.isFor("ruff")).isTrue();
    assertThat(hook.isFor("mypy")).isFalse();
    assertThat(new Hook("local-ruff-format", "", "local", 1).isFor("ruff-format")).isTrue();
    assertThat(new Hook("x", "rufffmt", "local", 1).isFor("ruff")).isFalse();
    Path repo = FixtureRepo.in(dir).python().build();
    PreCommitConfig config = FixtureRepo.context(repo).fact(PreCommitConfig.FACT);
    assertThat(config.present()).isFalse();
    assertThat(config.ciEnabled()).isFalse();
  }
}
