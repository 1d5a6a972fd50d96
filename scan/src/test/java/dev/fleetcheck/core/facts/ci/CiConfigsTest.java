package dev.fleetcheck.core.facts.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiConfigsTest {

  @TempDir Path dir;

  private CiConfigSet configs(FixtureRepo repo) {
    return FixtureRepo.context(repo.python().build()).fact(CiConfigs.FACT);
  }

  private static List<String> scripts(CiConfigSet set) {
    return set.steps().stream()
        .filter(CiStep.Shell.class::isInstance)
        .map(s -> ((CiStep.Shell) s).script().strip())
        .toList();
  }

  @Test
  void readsGitHubRunAndUsesStepsWithLines() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(
                    ".github/workflows/ci.yml",
                    """
                    name: ci
                    on: [push]
                    jobs:
                      lint:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - uses: pre-commit/action@v3.0.1
                            with:
                              extra_args: ruff --all-files
                          - name: Tests
                            run: |
                              pip install -e .
                              pytest -q
                    """));
    assertThat(set.configs())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.system()).isEqualTo(CiSystem.GITHUB_ACTIONS);
              assertThat(c.path()).isEqualTo(".github/workflows/ci.yml");
            });
    List<CiStep> steps = set.steps();
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0))
        .isEqualTo(
            new CiStep.Action(
                ".github/workflows/ci.yml", 7, "actions/checkout@v4", java.util.Map.of()));
    CiStep.Action preCommit = (CiStep.Action) steps.get(1);
    assertThat(preCommit.name()).isEqualTo("pre-commit/action");
    assertThat(preCommit.inputs()).containsEntry("extra_args", "ruff --all-files");
    assertThat(preCommit.line()).isEqualTo(8);
    CiStep.Shell tests = (CiStep.Shell) steps.get(2);
    assertThat(tests.line()).isEqualTo(13);
    assertThat(ShellCommand.parse(tests.script()))
        .extracting(ShellCommand::program)
        .containsExactly("pip", "pytest");
  }

  @Test
  void followsLocalCompositeActions() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(
                    ".github/workflows/ci.yaml",
                    "jobs:\n  a:\n    steps:\n      - uses: ./.github/actions/lint\n")
                .file(
                    ".github/actions/lint/action.yml",
                    "runs:\n  using: composite\n  steps:\n    - run: ruff check .\n      shell: bash\n"));
    assertThat(set.steps())
        .contains(new CiStep.Shell(".github/actions/lint/action.yml", 4, "ruff check ."));
  }

  @Test
  void ignoresFilesOutsideTheWorkflowsFolderAndNestedFolders() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(".github/workflows/sub/x.yml", "jobs: {a: {steps: [{run: pytest}]}}\n")
                .file(".github/dependabot.yml", "version: 2\n")
                .file("tests/fixtures/.gitlab-ci.yml", "t: {script: [pytest]}\n"));
    assertThat(set.isEmpty()).isTrue();
  }

  @Test
  void readsGitLabScriptsIncludingLocalIncludes() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(
                    ".gitlab-ci.yml",
                    """
                    include:
                      - local: /ci/lint.yml
                      - remote: https://example.invalid/x.yml
                    default:
                      before_script: [pip install uv]
                    test:
                      script:
                        - uv run pytest
                    """)
                .file("ci/lint.yml", "lint:\n  script: make lint\n"));
    assertThat(scripts(set)).containsExactly("pip install uv", "uv run pytest", "make lint");
    assertThat(set.steps()).contains(new CiStep.Shell("ci/lint.yml", 2, "make lint"));
    assertThat(set.configs())
        .singleElement()
        .extracting(CiConfig::system)
        .isEqualTo(CiSystem.GITLAB_CI);
  }

  @Test
  void readsCircleCiAzureBitbucketAndTravis() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(
                    ".circleci/config.yml",
                    "jobs:\n  t:\n    steps:\n      - checkout\n      - run: tox\n"
                        + "      - run:\n          name: lint\n          command: ruff check .\n")
                .file(
                    "azure-pipelines.yml",
                    "steps:\n- script: python -m pytest\n- bash: make lint\n")
                .file(
                    "bitbucket-pipelines.yml",
                    "pipelines:\n  default:\n    - step:\n        script:\n          - nox\n"
                        + "          - pipe: atlassian/x:1.0\n")
                .file(".travis.yml", "install: pip install .\nscript:\n  - pytest\n"));
    assertThat(set.configs())
        .extracting(CiConfig::system)
        .containsExactlyInAnyOrder(
            CiSystem.CIRCLECI,
            CiSystem.AZURE_PIPELINES,
            CiSystem.BITBUCKET_PIPELINES,
            CiSystem.TRAVIS_CI);
    assertThat(scripts(set))
        .containsExactlyInAnyOrder(
            "tox",
            "ruff check .",
            "python -m pytest",
            "make lint",
            "nox",
            "pip install .",
            "pytest");
    assertThat(set.steps()).contains(new CiStep.Shell(".circleci/config.yml", 8, "ruff check ."));
  }

  @Test
  void readsJenkinsShSteps() {
    CiConfigSet set =
        configs(
            FixtureRepo.in(dir)
                .file(
                    "Jenkinsfile",
                    """
                    pipeline {
                      stages {
                        stage('lint') { steps { sh 'make lint' } }
                        stage('test') {
                          steps {
                            sh(script: "pytest -q", label: 'tests')
                            sh '''
                              tox -e py312
                            '''
                          }
                        }
                      }
                    }
                    """));
    assertThat(set.steps())
        .containsExactly(
            new CiStep.Shell("Jenkinsfile", 3, "make lint"),
            new CiStep.Shell("Jenkinsfile", 6, "pytest -q"),
            new CiStep.Shell("Jenkinsfile", 8, "tox -e py312"));
  }

  @Test
  void preCommitCiNeedsACiKeyAndKeepsSkippedHooks() {
    CiConfigSet with =
        configs(
            FixtureRepo.in(dir)
                .file(
                    ".pre-commit-config.yaml",
                    "repos: []\nci:\n  autofix_prs: true\n  skip: [mypy]\n"));
    assertThat(with.steps())
        .containsExactly(
            new CiStep.PreCommitCi(".pre-commit-config.yaml", 2, java.util.Set.of("mypy")));
  }

  @Test
  void preCommitConfigWithoutCiKeyIsNoCi(@TempDir Path other) {
    CiConfigSet without =
        configs(FixtureRepo.in(other).file(".pre-commit-config.yaml", "repos: []\n"));
    assertThat(without.isEmpty()).isTrue();
  }

  @Test
  void malformedWorkflowIsAConfigWithoutStepsAndAScanProblem() {
    var context =
        FixtureRepo.context(
            FixtureRepo.in(dir).python().file(".github/workflows/ci.yml", "jobs: [\n").build());
    CiConfigSet set = context.fact(CiConfigs.FACT);
    assertThat(set.configs()).singleElement().satisfies(c -> assertThat(c.steps()).isEmpty());
    assertThat(context.facts().problems())
        .anySatisfy(p -> assertThat(p.path()).isEqualTo(".github/workflows/ci.yml"));
  }
}
