package dev.fleetcheck.core.rules.qg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiRunsTestsTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return FixtureRepo.check(new CiRunsTests(), repo.python().build());
  }

  @Test
  void passesOnPytestInAGitHubWorkflow() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    ".github/workflows/test.yaml",
                    "jobs:\n  t:\n    steps:\n      - run: |\n          uv sync\n"
                        + "          uv run pytest -q\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).describe())
        .isEqualTo(".github/workflows/test.yaml:6: `uv run pytest -q` runs the tests");
  }

  @Test
  void passesOnAJenkinsfileRunningMakeTest() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file(
                            "Jenkinsfile",
                            "pipeline { stages { stage('t') { steps { sh 'make test' } } } }\n")
                        .file(
                            "Makefile",
                            "test: deps\n\tpython -m pytest\ndeps:\n\tpip install -e .\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnUnittestThroughANoxSession() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file(".travis.yml", "script: nox -s tests\n")
                        .file(
                            "noxfile.py",
                            "import nox\n\n@nox.session\ndef tests(session):\n"
                                + "    session.run(\"python\", \"-m\", \"unittest\", \"discover\")\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenCiRunsOnlyJavaScriptTests() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    ".github/workflows/ci.yml",
                    "jobs:\n  web:\n    steps:\n      - run: npm ci && npm test\n      - run: npx jest\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("no step runs the tests");
  }

  @Test
  void failsWithoutCi() {
    assertThat(check(FixtureRepo.in(dir).file("tests/test_x.py", "")).status())
        .isEqualTo(Status.FAIL);
  }
}
