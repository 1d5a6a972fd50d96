package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.core.testing.LargePyproject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesTest {

  @TempDir Path dir;

  private DeclaredDependencies deps(FixtureRepo repo) {
    return FixtureRepo.context(repo.build()).fact(Dependencies.FACT);
  }

  @Test
  void everyDependencyOfAVeryLargePyprojectPointsAtItsOwnLine() {
    int count = 5_000;
    DeclaredDependencies deps =
        deps(FixtureRepo.in(dir).file("pyproject.toml", LargePyproject.text(count, 0)));

    assertThat(deps.names()).hasSize(2 * count);
    for (int i = 0; i < count; i += 7) {
      assertThat(deps.where(LargePyproject.name(i)).orElseThrow().line())
          .as(LargePyproject.name(i))
          .isEqualTo(LargePyproject.lineOf(i));
      assertThat(deps.where(LargePyproject.devName(i)).orElseThrow().line())
          .as(LargePyproject.devName(i))
          .isEqualTo(LargePyproject.devLineOf(count, i));
    }
  }

  @Test
  void setupPyAndSetupCfgRequirementsPointAtTheirLinesInFileOrder() {
    DeclaredDependencies deps =
        deps(
            FixtureRepo.in(dir)
                .file(
                    "setup.cfg",
                    """
                    [options]
                    install_requires =
                        alpha
                        beta>=1
                    tests_require =
                        gamma
                    """)
                .file(
                    "setup.py",
                    """
                    from setuptools import setup
                    REQS = [
                        "delta",
                        "epsilon",
                    ]
                    setup(install_requires=REQS, tests_require=REQS,
                          extras_require={"x": ["zeta"]})
                    """));

    assertThat(deps.where("alpha").orElseThrow().line()).isEqualTo(3);
    assertThat(deps.where("beta").orElseThrow().line()).isEqualTo(4);
    assertThat(deps.where("gamma").orElseThrow().line()).isEqualTo(6);
    assertThat(deps.where("delta").orElseThrow().line()).isEqualTo(3);
    assertThat(deps.where("epsilon").orElseThrow().line()).isEqualTo(4);
    assertThat(deps.where("zeta").orElseThrow().line()).isEqualTo(7);
    assertThat(deps.has("x")).isFalse();
  }

  @Test
  void readsEveryPyprojectListNormalisingNames() {
    DeclaredDependencies deps =
        deps(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    """
                    [project]
                    name = "x"
                    dependencies = ["Requests[socks]>=2.0; python_version>'3.8'", "Flask"]
                    [project.optional-dependencies]
                    otel = ["opentelemetry-sdk"]
                    [dependency-groups]
                    dev = ["pytest-xdist>=3", {include-group = "lint"}]
                    lint = ["ruff"]
                    [tool.uv]
                    dev-dependencies = ["mypy"]
                    [tool.poetry.dependencies]
                    python = "^3.12"
                    structlog = "^24"
                    [tool.poetry.group.test.dependencies]
                    Pytest_Cov = "*"
                    """));
    assertThat(deps.names())
        .contains(
            "requests",
            "flask",
            "opentelemetry-sdk",
            "pytest-xdist",
            "ruff",
            "mypy",
            "structlog",
            "pytest-cov")
        .doesNotContain("python");
    assertThat(deps.has("aws_lambda.powertools")).isFalse();
    assertThat(deps.has("PYTEST.xdist")).isTrue();
    assertThat(deps.where("flask")).get().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    assertThat(deps.where("structlog").orElseThrow().line()).isEqualTo(13);
  }

  @Test
  void readsRequirementsSetupCfgSetupPyAndPipfile() {
    DeclaredDependencies deps =
        deps(
            FixtureRepo.in(dir)
                .file(
                    "requirements-dev.txt",
                    "-r requirements.txt\n-e .\nblack==24.1 \\\n  --hash=sha256:abc\n# pytest\n")
                .file("requirements/test.txt", "hypothesis>=6 # fuzz\n")
                .file(
                    "setup.cfg",
                    "[options]\ninstall_requires =\n    click>=8\n[options.extras_require]\nsec =\n    bandit\n")
                .file(
                    "setup.py",
                    "from setuptools import setup\nREQS = ['httpx>=0.27', \"attrs\"]\n"
                        + "setup(install_requires=REQS, extras_require={'docs': ['sphinx']})\n")
                .file(
                    "Pipfile",
                    "[packages]\ndjango = \"*\"\n[dev-packages]\nfactory-boy = \"*\"\n"));
    assertThat(deps.names())
        .containsExactlyInAnyOrder(
            "black",
            "hypothesis",
            "click",
            "bandit",
            "httpx",
            "attrs",
            "sphinx",
            "django",
            "factory-boy");
    assertThat(deps.where("httpx").orElseThrow().path()).isEqualTo("setup.py");
    assertThat(deps.where("httpx").orElseThrow().line()).isEqualTo(2);
  }

  @Test
  void readsWorkspaceMembersButNotNestedExampleProjects() {
    DeclaredDependencies deps =
        deps(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    "[tool.uv.workspace]\nmembers = [\"packages/*\"]\nexclude = [\"packages/skip\"]\n")
                .file("packages/api/pyproject.toml", "[project]\ndependencies = [\"fastapi\"]\n")
                .file("packages/skip/pyproject.toml", "[project]\ndependencies = [\"django\"]\n")
                .file("examples/demo/pyproject.toml", "[project]\ndependencies = [\"flask\"]\n"));
    assertThat(deps.names()).containsExactly("fastapi");
  }
}
