package dev.fleetcheck.core.facts.taskrunner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRunnersTest {

  @TempDir Path dir;

  private TaskRunnerSet runners(FixtureRepo repo) {
    return FixtureRepo.context(repo.build()).fact(TaskRunners.FACT);
  }

  @Test
  void makefileTargetsFollowPrerequisitesAndRecursiveMake() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "Makefile",
                    """
                    .PHONY: dev lint test doctor
                    UV := uv
                    RUFF = $(UV) run ruff
                    %:
                    \t@echo pattern
                    dev:
                    \t$(UV) sync
                    ruff-check:
                    \t@$(RUFF) check .
                    fmt:
                    \t-$(RUFF) format \\
                    \t  --check .
                    lint: ruff-check fmt
                    test-all test: dev
                    ifeq ($(CI),1)
                    \tpytest -x
                    endif
                    cycle: loop
                    \techo cycle
                    loop: cycle
                    \t$(MAKE) --no-print-directory lint
                    test: PYTEST_ARGS = -q
                    """));
    assertThat(set.targets())
        .extracting(Target::name)
        .containsExactly("dev", "ruff-check", "fmt", "lint", "test-all", "test", "cycle", "loop");
    assertThat(set.target("doctor")).isEmpty();
    assertThat(set.target("lint").orElseThrow().commands())
        .containsExactly("uv run ruff check .", "uv run ruff format --check .");
    Target test = set.target("test").orElseThrow();
    assertThat(test.line()).isEqualTo(14);
    assertThat(test.runner()).isEqualTo("make");
    assertThat(test.commands()).containsExactly("uv sync", "pytest -x");
    assertThat(set.target("cycle").orElseThrow().commands())
        .contains("echo cycle", "uv run ruff check .");
  }

  @Test
  void justfileRecipesAndAliases() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "justfile",
                    """
                    set dotenv-load
                    version := "1"
                    alias t := test

                    # bootstrap
                    [group('dev')]
                    dev:
                        uv sync
                    test *ARGS: (lint "strict") dev
                        @uv run pytest {{ARGS}}
                    lint mode="x":
                        uv run ruff check
                        just fmt
                    fmt:
                        uv run ruff format
                    """));
    assertThat(set.targets())
        .extracting(Target::name)
        .containsExactly("t", "dev", "test", "lint", "fmt");
    assertThat(set.target("test").orElseThrow().commands())
        .containsExactly(
            "uv run ruff check",
            "just fmt",
            "uv run ruff format",
            "uv sync",
            "uv run pytest {{ARGS}}");
    assertThat(set.target("t").orElseThrow().commands()).contains("uv run pytest {{ARGS}}");
    assertThat(set.target("dev").orElseThrow().line()).isEqualTo(7);
  }

  @Test
  void taskfilePoeHatchNoxAndTox() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "Taskfile.yml",
                    """
                    version: '3'
                    tasks:
                      dev:
                        cmds:
                          - uv sync
                      test:
                        deps: [dev]
                        cmds:
                          - cmd: pytest
                          - task: lint
                      lint: ruff check
                    """)
                .file(
                    "pyproject.toml",
                    """
                    [tool.poe.tasks]
                    fmt = "ruff format"
                    check = ["fmt", "types"]
                    [tool.poe.tasks.types]
                    cmd = "mypy src"
                    [tool.hatch.envs.default.scripts]
                    cov = "pytest --cov"
                    all = ["cov", "echo done"]
                    [tool.hatch.envs.lint.scripts]
                    style = "ruff check"
                    """)
                .file(
                    "noxfile.py",
                    """
                    import nox

                    @nox.session(python=["3.12"], name="test-watch")
                    def watch(session):
                        session.install("pytest-watcher")
                        session.run(
                            "ptw", ".", external=True
                        )

                    @nox.session
                    def docs(session: nox.Session) -> None:
                        session.run("sphinx-build", "docs", "out")
                        session.notify("test-watch")
                    """)
                .file(
                    "tox.ini",
                    """
                    [tox]
                    envlist = py{311,312}, lint
                    [testenv]
                    commands = pytest {posargs}
                    [testenv:lint]
                    commands =
                        ruff check .
                        - ruff format --check .
                    """));
    assertThat(set.target("test").orElseThrow().commands())
        .containsExactly("uv sync", "pytest", "ruff check");
    assertThat(set.target("check").orElseThrow().commands())
        .containsExactly("ruff format", "mypy src");
    assertThat(set.target("types").orElseThrow().runner()).isEqualTo("poe");
    assertThat(set.target("all").orElseThrow().commands())
        .containsExactly("echo done", "pytest --cov");
    assertThat(set.target("lint:style")).isPresent();
    assertThat(set.target("style")).isEmpty();
    assertThat(set.target("test-watch").orElseThrow().commands()).containsExactly("ptw .");
    assertThat(set.target("watch")).isEmpty();
    assertThat(set.target("docs").orElseThrow().commands())
        .containsExactly("sphinx-build docs out", "ptw .");
    assertThat(set.target("py311").orElseThrow().commands()).containsExactly("pytest {posargs}");
    assertThat(set.target("lint").orElseThrow().runner()).isEqualTo("task");
    assertThat(set.targets().stream().filter(t -> t.runner().equals("tox")).map(Target::name))
        .containsExactly("py311", "py312", "lint");
    assertThat(
            set.targets().stream()
                .filter(t -> t.runner().equals("tox") && t.name().equals("lint"))
                .findFirst()
                .orElseThrow()
                .commands())
        .containsExactly("ruff check .", "ruff format --check .");
    assertThat(set.files())
        .containsExactly("Taskfile.yml", "pyproject.toml", "noxfile.py", "tox.ini");
  }

  @Test
  void nativeToxTomlAndNamesMatchExactly() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    """
                    [tool.tox]
                    env_list = ["3.14-tests", "type"]
                    [tool.tox.env_run_base]
                    commands = [["pytest", "-n", "auto"]]
                    [tool.tox.env.type]
                    commands = [["mypy", "src"]]
                    """)
                .file("Makefile", "init:\n\tuv sync\n")
                .file("scripts/Makefile", "dev:\n\tuv sync\n")
                .file("package.json", "{\"scripts\": {\"test\": \"jest\"}}"));
    assertThat(set.target("3.14-tests").orElseThrow().commands()).containsExactly("pytest -n auto");
    assertThat(set.target("type").orElseThrow().commands()).containsExactly("mypy src");
    assertThat(set.target("test")).isEmpty();
    assertThat(set.target("dev")).isEmpty();
    assertThat(set.target("init")).isPresent();
  }

  @Test
  void makeCommentsAreNotPrerequisites() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "Makefile",
                    "PY = python3 # interpreter\nlint: ## run test-free linting\n\truff check\n"
                        + "docs:\n\tcd docs && $(MAKE) test\n"
                        + "test: # test\n\t$(PY) -m pytest # all\n"));
    assertThat(set.target("lint").orElseThrow().commands()).containsExactly("ruff check");
    assertThat(set.target("test").orElseThrow().commands())
        .containsExactly("python3 -m pytest # all");
    assertThat(set.target("docs").orElseThrow().commands()).containsExactly("cd docs && make test");
  }

  @Test
  void makefileIncludesAreFollowedWithTheirOwnPaths() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file(
                    "Makefile",
                    "include mk/common.mk\n-include $(wildcard mk/*.mk) missing.mk\nlint: fmt\n")
                .file("mk/common.mk", "dev:\n\tuv sync\n")
                .file("mk/style.mk", "fmt:\n\truff format\ninclude Makefile\n"));
    assertThat(set.target("dev").orElseThrow().path()).isEqualTo("mk/common.mk");
    assertThat(set.target("lint").orElseThrow().commands()).containsExactly("ruff format");
    assertThat(set.files()).containsExactly("Makefile", "mk/common.mk", "mk/style.mk");
  }

  @Test
  void workspaceMemberRunnersAreRead() {
    TaskRunnerSet set =
        runners(
            FixtureRepo.in(dir)
                .file("pyproject.toml", "[tool.uv.workspace]\nmembers = [\"pkg/*\"]\n")
                .file("pkg/a/pyproject.toml", "[project]\nname = \"a\"\n")
                .file("pkg/a/Makefile", "test:\n\tpytest\n")
                .file("examples/x/Makefile", "dev:\n\ttrue\n"));
    assertThat(set.target("test").orElseThrow().path()).isEqualTo("pkg/a/Makefile");
    assertThat(set.target("dev")).isEmpty();
    assertThat(set.any()).isTrue();
  }
}
