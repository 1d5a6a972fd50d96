package dev.fleetcheck.core.facts.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.ci.TraceSources.Runner;
import dev.fleetcheck.core.facts.ci.TraceSources.RunnerTarget;
import dev.fleetcheck.core.facts.precommit.Hook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTracerTest {

  /** Task runner targets, hooks and scripts held in memory. */
  private static final class Sources implements TraceSources {
    final Map<String, RunnerTarget> targets = new HashMap<>();
    final List<Hook> hooks = new ArrayList<>();
    final Map<String, String> files = new HashMap<>();

    Sources target(Runner runner, String name, String... commands) {
      targets.put(runner + "/" + name, new RunnerTarget("Makefile", 7, List.of(commands)));
      return this;
    }

    Sources hook(String id, String entry) {
      hooks.add(new Hook(id, entry, "local", 4));
      return this;
    }

    Sources file(String path, String text) {
      files.put(path, text);
      return this;
    }

    @Override
    public Optional<RunnerTarget> target(Runner runner, String name) {
      return Optional.ofNullable(targets.get(runner + "/" + name));
    }

    @Override
    public List<Hook> hooks() {
      return hooks;
    }

    @Override
    public String preCommitPath() {
      return ".pre-commit-config.yaml";
    }

    @Override
    public Optional<String> readText(String path) {
      return Optional.ofNullable(files.get(path));
    }
  }

  private final Sources sources = new Sources();

  private Optional<List<String>> trace(CiTool tool, String command) {
    return new CommandTracer(sources).command(tool, ShellCommand.parse(command).get(0).words(), 0);
  }

  private boolean runs(CiTool tool, String command) {
    return trace(tool, command).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ruff check .",
        "ruff format --check src",
        "uv run ruff check",
        "uv run --frozen --group lint ruff check .",
        "uvx ruff@0.6 check",
        "uv tool run ruff check",
        "python -m ruff check .",
        "poetry run ruff check",
        "pipx run ruff check",
        "hatch fmt --check",
        "FORCE_COLOR=1 ruff check",
        ".venv/bin/ruff check ."
      })
  void linterRunDirectlyOrThroughAnEnvironment(String command) {
    assertThat(trace(CiTool.LINTER, command)).contains(List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "black --check .",
        "flake8 src",
        "pylint pkg",
        "ruff --version",
        "pip install ruff",
        "uv pip install ruff",
        "npm run lint",
        "make lint"
      })
  void otherLintersAndInstallsAreNotRuff(String command) {
    assertThat(runs(CiTool.LINTER, command)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pytest",
        "py.test -x",
        "python -m pytest tests",
        "python3.12 -m unittest discover",
        "uv run pytest -n auto",
        "uv run -m pytest",
        "coverage run -m pytest",
        "tox",
        "tox -e py312",
        "nox",
        "hatch test",
        "python manage.py test",
        "$(PYTHON) -m pytest",
        "xvfb-run -a pytest"
      })
  void testRunnersCount(String command) {
    assertThat(runs(CiTool.TESTS, command)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"npm test", "npx jest", "yarn test", "vitest run", "mocha", "make test"})
  void javascriptRunnersAndUnknownTargetsDoNotCount(String command) {
    assertThat(runs(CiTool.TESTS, command)).isFalse();
  }

  @Test
  void makeTargetIsFollowedToItsCommands() {
    sources.target(Runner.MAKE, "lint", "@uv run ruff check .", "uv run ruff format --check");
    assertThat(trace(CiTool.LINTER, "make lint"))
        .contains(List.of("make target `lint` (Makefile:7)"));
    assertThat(trace(CiTool.LINTER, "make -j4 lint")).isPresent();
    assertThat(trace(CiTool.LINTER, "$(MAKE) lint")).isPresent();
    assertThat(runs(CiTool.TESTS, "make lint")).isFalse();
  }

  @Test
  void targetThatRunsBlackOnlyIsNotRuff() {
    sources.target(Runner.MAKE, "lint", "black --check .", "isort --check .");
    assertThat(runs(CiTool.LINTER, "make lint")).isFalse();
  }

  @Test
  void justTaskPoeHatchToxAndNoxTargets() {
    sources
        .target(Runner.JUST, "check", "ruff check .")
        .target(Runner.TASK, "test", "pytest")
        .target(Runner.POE, "lint", "ruff check")
        .target(Runner.HATCH, "lint", "ruff check {args:.}")
        .target(Runner.TOX, "lint", "ruff check src")
        .target(Runner.NOX, "lint", "ruff check .");
    assertThat(runs(CiTool.LINTER, "just check")).isTrue();
    assertThat(runs(CiTool.TESTS, "task test")).isTrue();
    assertThat(runs(CiTool.LINTER, "poe lint")).isTrue();
    assertThat(runs(CiTool.LINTER, "hatch run lint:lint")).isTrue();
    assertThat(runs(CiTool.LINTER, "tox -e lint")).isTrue();
    assertThat(runs(CiTool.LINTER, "tox -e py312,lint")).isTrue();
    assertThat(runs(CiTool.LINTER, "nox -s lint")).isTrue();
    assertThat(runs(CiTool.LINTER, "nox --session=lint")).isTrue();
    assertThat(runs(CiTool.TESTS, "tox -e lint")).isFalse();
  }

  @Test
  void preCommitRunMatchesHooksByIdOrEntry() {
    sources.hook("ruff-check", "").hook("local-tests", "uv run pytest -q").hook("mypy", "");
    assertThat(trace(CiTool.LINTER, "pre-commit run --all-files"))
        .contains(List.of("pre-commit hook `ruff-check` (.pre-commit-config.yaml:4)"));
    assertThat(runs(CiTool.LINTER, "pre-commit run mypy --all-files")).isFalse();
    assertThat(runs(CiTool.LINTER, "prek run ruff-check")).isTrue();
    assertThat(runs(CiTool.TESTS, "uvx pre-commit run -a")).isTrue();
    assertThat(runs(CiTool.TESTS, "python -m pre_commit run local-tests")).isTrue();
    assertThat(runs(CiTool.LINTER, "pre-commit install")).isFalse();
  }

  @Test
  void hookEntriesThatCallTheTaskRunnerAreFollowed() {
    sources.hook("lint", "make lint").target(Runner.MAKE, "lint", "ruff check .");
    assertThat(trace(CiTool.LINTER, "pre-commit run lint"))
        .contains(
            List.of(
                "pre-commit hook `lint` (.pre-commit-config.yaml:4)",
                "make target `lint` (Makefile:7)"));
  }

  @Test
  void repositoryScriptsAreFollowedThreeLevelsDeep() {
    sources
        .file("scripts/ci.sh", "#!/bin/sh\nset -e\n./scripts/lint.sh\n")
        .file("scripts/lint.sh", "echo lint\nbash scripts/ruff.sh\n")
        .file("scripts/ruff.sh", "ruff check .\n")
        .file("scripts/deeper.sh", "./scripts/ci.sh\n");
    assertThat(trace(CiTool.LINTER, "./scripts/ci.sh"))
        .contains(List.of("scripts/ci.sh:3", "scripts/lint.sh:2", "scripts/ruff.sh:1"));
    assertThat(runs(CiTool.LINTER, "bash scripts/lint.sh")).isTrue();
    assertThat(runs(CiTool.LINTER, "sh -c 'cd src && ruff check .'")).isTrue();
    assertThat(runs(CiTool.LINTER, "./scripts/deeper.sh")).isFalse();
    assertThat(runs(CiTool.LINTER, "./scripts/missing.sh")).isFalse();
  }

  @Test
  void pythonScriptsAreReadForTheToolsTheyRun() {
    sources
        .file("scripts/check.py", "import subprocess\n\nsubprocess.run(['ruff', 'check', '.'])\n")
        .file("scripts/run_tests.py", "import sys\nimport pytest\nsys.exit(pytest.main(['-q']))\n");
    assertThat(trace(CiTool.LINTER, "python scripts/check.py"))
        .contains(List.of("scripts/check.py:3"));
    assertThat(runs(CiTool.TESTS, "python scripts/run_tests.py")).isTrue();
    assertThat(runs(CiTool.TESTS, "python scripts/check.py")).isFalse();
  }

  @Test
  void runsReportsEveryMatchingStepWithItsLine() {
    sources.hook("ruff", "");
    CiConfigSet configs =
        new CiConfigSet(
            List.of(
                new CiConfig(
                    ".github/workflows/ci.yml",
                    CiSystem.GITHUB_ACTIONS,
                    List.of(
                        new CiStep.Shell(
                            ".github/workflows/ci.yml", 10, "pip install .\nruff check ."),
                        new CiStep.Action(
                            ".github/workflows/ci.yml", 14, "pre-commit/action@v3.0.1", Map.of()),
                        new CiStep.Action(
                            ".github/workflows/ci.yml", 16, "astral-sh/ruff-action@v3", Map.of()))),
                new CiConfig(
                    ".pre-commit-config.yaml",
                    CiSystem.PRE_COMMIT_CI,
                    List.of(
                        new CiStep.PreCommitCi(
                            ".pre-commit-config.yaml", 20, java.util.Set.of("ruff"))))));
    List<ToolRun> runs = new CommandTracer(sources).runs(CiTool.LINTER, configs);
    assertThat(runs)
        .extracting(ToolRun::evidence)
        .extracting(e -> e.line() + " " + e.message())
        .containsExactly(
            "11 `ruff check .` runs Ruff",
            "14 `uses: pre-commit/action@v3.0.1` runs Ruff through pre-commit hook `ruff`"
                + " (.pre-commit-config.yaml:4)",
            "16 `uses: astral-sh/ruff-action@v3` runs Ruff");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${PREFIX}ruff check .",
        "$(BIN)ruff format --check",
        "\"$BIN\"ruff check src",
        "$VENV/bin/ruff check",
        "\"$VENV\"/bin/ruff check",
        "./venv/bin/ruff check .",
        "$(VENV)/bin/python -m ruff check",
        "$${VENV_BIN}ruff check"
      })
  void aToolRunThroughAPrefixIsTheTool(String command) {
    assertThat(trace(CiTool.LINTER, command)).contains(List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$VENV/bin/pytest",
        "\"$BIN\"coverage run -m pytest",
        "${PREFIX}pytest -q",
        ".venv/bin/python -m pytest",
        "$(VENV)/bin/python -m pytest tests",
        "env CI=1 ${BIN}coverage run -m pytest"
      })
  void aTestRunnerRunThroughAPrefixIsTheTestRunner(String command) {
    assertThat(runs(CiTool.TESTS, command)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${PREFIX}ruffle check",
        "$PREFIXruff check",
        "$RUFF check .",
        "\"$BIN\"ruff --version",
        "echo ${PREFIX}ruff check",
        "printf '%s' \"$BIN\"ruff check",
        "# ${PREFIX}ruff check"
      })
  void aPrefixDoesNotMakeAnotherWordTheTool(String command) {
    assertThat(
            ShellCommand.parse(command).stream()
                .anyMatch(
                    c ->
                        new CommandTracer(sources)
                            .command(CiTool.LINTER, c.words(), 0)
                            .isPresent()))
        .isFalse();
  }

  @Test
  void prefixedToolsAreFoundInFollowedScriptsAndTargets() {
    sources
        .file("scripts/lint.sh", "#!/bin/sh\nBIN=\"$(pwd)/.venv/bin/\"\n\"$BIN\"ruff check .\n")
        .target(Runner.MAKE, "test", "$(VENV)/bin/python -m pytest");
    assertThat(trace(CiTool.LINTER, "./scripts/lint.sh")).contains(List.of("scripts/lint.sh:3"));
    assertThat(trace(CiTool.TESTS, "make test"))
        .contains(List.of("make target `test` (Makefile:7)"));
  }
}
