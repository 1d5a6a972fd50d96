package dev.fleetcheck.core.rules.toolchain;

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
}
