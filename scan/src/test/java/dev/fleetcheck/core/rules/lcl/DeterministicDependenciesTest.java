package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicDependenciesTest {

  @TempDir Path dir;

  @Test
  void passesOnLockFile() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("poetry.lock", "# lock\n")
            .file("requirements.txt", "flask\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.file("poetry.lock", "poetry lock file"));
  }

  @Test
  void passesWhenEveryRequirementIsPinnedIgnoringEditablesIncludesAndPaths() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "requirements.txt",
                "-r base.txt\n-c constraints.txt\n-e .\n./libs/local\nflask==3.0.3 \\\n    --hash=sha256:abc\n")
            .file("requirements/dev.txt", "pytest==8.3.2  # tests\n")
            .file("requirements.in", "flask\n")
            .build();
    assertThat(FixtureRepo.check(new DeterministicDependencies(), repo).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsListingUnpinnedRequirements() {
    Path repo =
        FixtureRepo.in(dir)
            .file("requirements.txt", "flask==3.0.3\nrequests>=2\n")
            .file("dev-requirements.txt", "pytest\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.repository("requirements files read: dev-requirements.txt, requirements.txt"),
            Evidence.at("dev-requirements.txt", 1, "`pytest` is not pinned with ==; no lock file"),
            Evidence.at("requirements.txt", 2, "`requests` is not pinned with ==; no lock file"));
  }

  @Test
  void failsWithoutLockOrRequirements() {
    Path repo = FixtureRepo.in(dir).python().file("examples/app/uv.lock", "").build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no lock file");
  }

  @Test
  void eachFunctionsRequirementsFileCounts() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
                    + "    Type: AWS::Serverless::Function\n    Properties:\n"
                    + "      CodeUri: hello_world/\n      Handler: app.handler\n")
            .file("hello_world/app.py", "def handler(event, context):\n    return {}\n")
            .file("hello_world/requirements.txt", "requests==2.32.3\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.file("hello_world/requirements.txt", "every requirement pinned with ==")));
  }

  @Test
  void eachServicesRequirementsAreJudgedAndTheMessageNamesWhatWasRead() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("services/api/requirements.txt", "fastapi==0.115.0\n")
            .file("services/worker/requirements.txt", "# worker\nboto3\n")
            .file("docs/requirements.txt", "sphinx\n")
            .file("examples/demo/requirements.txt", "flask\n")
            .file("tests/fixtures/proj/requirements.txt", "django\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.repository(
                "requirements files read: services/api/requirements.txt,"
                    + " services/worker/requirements.txt"),
            Evidence.at(
                "services/worker/requirements.txt",
                2,
                "`boto3` is not pinned with ==; no lock file"));
  }

  @Test
  void withoutAnyRequirementsFileTheMessageSaysWhereItLooked() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("docs/requirements.txt", "sphinx==8.0.0\n")
            .file("requirements.in", "flask\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DeterministicDependencies(), repo);
    assertThat(outcome.evidence())
        .extracting(Evidence::message)
        .containsExactly(
            "no lock file (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, pylock.toml) at the root"
                + " or workspace members, and no requirements file pinning dependencies"
                + " (requirements files read: requirements.in)");
  }
}
