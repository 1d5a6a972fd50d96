package dev.fleetcheck.core.rules.qg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiRunsLinterTest {

  @TempDir Path dir;

  private static final String WORKFLOW =
      """
      name: ci
      on: [push]
      jobs:
        check:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - run: %s
      """;

  private Outcome check(FixtureRepo repo) {
    return FixtureRepo.check(new CiRunsLinter(), repo.python().build());
  }

  private FixtureRepo workflow(String run) {
    return FixtureRepo.in(dir).file(".github/workflows/ci.yml", WORKFLOW.formatted(run));
  }

  @Test
  void passesWhenCiRunsMakeLintAndTheTargetRunsRuff() {
    Outcome outcome =
        check(
            workflow("make lint")
                .file(
                    "Makefile", "lint:\n\tuv run ruff check .\n\tuv run ruff format --check .\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(
                ".github/workflows/ci.yml",
                8,
                "`make lint` runs Ruff through make target `lint` (Makefile:1)"));
  }

  @Test
  void passesWhenCiRunsRuffDirectly() {
    assertThat(check(workflow("uv run ruff check --output-format=github .")).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheLintTargetRunsBlackOnly() {
    Outcome outcome =
        check(workflow("make lint").file("Makefile", "lint:\n\tblack --check .\n\tflake8\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.file(".github/workflows/ci.yml", "no step runs Ruff"));
  }

  @Test
  void failsWithoutAnyCiConfiguration() {
    Outcome outcome = check(FixtureRepo.in(dir).file("Makefile", "lint:\n\truff check .\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no CI configuration found");
  }

  @Test
  void preCommitCiWithARuffHookCounts() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    ".pre-commit-config.yaml",
                    """
                    ci:
                      autoupdate_schedule: monthly
                    repos:
                      - repo: https://github.com/astral-sh/ruff-pre-commit
                        rev: v0.6.9
                        hooks:
                          - id: ruff
                          - id: ruff-format
                    """));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message())
        .isEqualTo(
            "pre-commit.ci runs Ruff through pre-commit hook `ruff` (.pre-commit-config.yaml:7)");
  }

  @Test
  void preCommitCiSkippingTheRuffHookDoesNotCount() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file(
                            ".pre-commit-config.yaml",
                            "ci:\n  skip: [ruff]\nrepos:\n  - repo: local\n    hooks:\n"
                                + "      - id: ruff\n        name: ruff\n        entry: ruff check\n"
                                + "        language: system\n"))
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void gitlabJobRunningARepositoryScriptThatRunsRuffCounts() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(".gitlab-ci.yml", "lint:\n  script:\n    - ./scripts/lint.sh\n")
                .file("scripts/lint.sh", "#!/bin/sh\nset -eu\nruff check .\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).describe())
        .isEqualTo(".gitlab-ci.yml:3: `./scripts/lint.sh` runs Ruff through scripts/lint.sh:3");
  }

  @Test
  void toxLintEnvironmentCounts() {
    assertThat(
            check(
                    workflow("tox -e lint")
                        .file(
                            "tox.ini",
                            "[tox]\nenvlist = py312, lint\n\n[testenv:lint]\n"
                                + "commands =\n    ruff check src\n"))
                .status())
        .isEqualTo(Status.PASS);
  }
}
