package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.StandardRules;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PY-LCL family together: the local tooling, task runner targets and container rules. */
class LocalToolingTest {

  /** The toolchain rules; the task runner targets answer a bare repository in their own tests. */
  private static final Set<String> TOOLCHAIN =
      Set.of(
          "PY-LCL-007",
          "PY-LCL-008",
          "PY-LCL-009",
          "PY-LCL-011",
          "PY-LCL-012",
          "PY-LCL-013",
          "PY-LCL-014",
          "PY-LCL-015",
          "PY-LCL-016",
          "PY-LCL-017",
          "PY-LCL-018",
          "PY-LCL-021",
          "PY-LCL-024",
          "PY-LCL-027");

  @TempDir Path dir;

  @Test
  void aWellTooledUvProjectPassesBothFamilies() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                """
                [project]
                name = "svc"
                requires-python = ">=3.12"
                dependencies = ["fastapi"]
                [project.scripts]
                svc = "svc.cli:main"
                [dependency-groups]
                dev = ["pytest", "pytest-xdist", "mypy", "ruff"]
                [tool.ruff.lint]
                select = ["ALL"]
                [tool.mypy]
                strict = true
                [tool.pytest.ini_options]
                addopts = "-n auto"
                markers = ["integration: emulators", "e2e: journeys"]
                """)
            .file("uv.lock", "version = 1\n")
            .file(".python-version", "3.12\n")
            .file(
                "Makefile",
                """
                .PHONY: dev lint test test-all run up down docker-test test-watch doctor
                dev:
                \tuv sync
                lint:
                \tuv run ruff check .
                \tuv run ruff format --check .
                test test-unit:
                \tuv run pytest -m "not integration and not e2e"
                test-integration:
                \tuv run pytest -m integration
                test-e2e:
                \tuv run pytest -m e2e
                test-all:
                \tuv run pytest
                test-watch:
                \tuv run ptw .
                run:
                \tuv run svc --help
                up:
                \tdocker compose up -d
                down:
                \tdocker compose down
                docker-test:
                \tdocker build -t svc . && docker run --rm svc make test
                doctor:
                \t./scripts/doctor.sh
                """)
            .file(
                ".pre-commit-config.yaml",
                """
                repos:
                  - repo: https://github.com/astral-sh/ruff-pre-commit
                    rev: v0.6.0
                    hooks: [{id: ruff-check}, {id: ruff-format}]
                  - repo: https://github.com/pre-commit/mirrors-mypy
                    rev: v1.11.0
                    hooks: [{id: mypy}]
                  - repo: https://github.com/gitleaks/gitleaks
                    rev: v8.18.0
                    hooks: [{id: gitleaks}]
                """)
            .file("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\n")
            .file(".dockerignore", ".env\n")
            .file("compose.yaml", "services:\n  db:\n    image: postgres:16\n")
            .file("src/svc/cli.py", "import argparse\n")
            .build();
    RulePack pack = RulePack.of(localTooling());
    ScanReport report = FixtureRepo.scan(pack, repo, id -> pack.rule(id).isPresent());
    assertThat(report.results())
        .hasSize(24)
        .allSatisfy(
            result ->
                assertThat(result.outcome().status())
                    .as(result.rule().id() + " " + result.outcome().evidence())
                    .isEqualTo(Status.PASS));
  }

  @Test
  void aBarePythonRepositoryFailsWithEvidenceEverywhere() {
    Path repo = FixtureRepo.in(dir).file("main.py", "print('hi')\n").build();
    for (Rule rule : localTooling()) {
      if (!TOOLCHAIN.contains(rule.spec().id())) {
        continue;
      }
      RuleResult result = FixtureRepo.result(rule, repo);
      Status expected = rule.spec().id().equals("PY-LCL-021") ? Status.NOT_APPLICABLE : Status.FAIL;
      assertThat(result.outcome().status()).as(rule.spec().id()).isEqualTo(expected);
      assertThat(result.outcome().evidence()).as(rule.spec().id()).isNotEmpty();
    }
  }

  private static List<Rule> localTooling() {
    return StandardRules.all().stream()
        .filter(rule -> rule.spec().id().startsWith("PY-LCL-"))
        // assisted rules never PASS; this test is about the automated tooling checks
        .filter(rule -> rule.spec().kind() == RuleKind.AUTOMATED)
        .toList();
  }
}
