package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCommandTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnDockerRunTarget() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", "docker-run:\n\tdocker run app\n").build();
    assertThat(FixtureRepo.check(new ContainerCommandTarget(), repo).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnDevcontainer() {
    Path repo = FixtureRepo.in(dir).python().file(".devcontainer/devcontainer.json", "{}").build();
    Outcome outcome = FixtureRepo.check(new ContainerCommandTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).path()).isEqualTo(".devcontainer/devcontainer.json");
  }

  @Test
  void failsSayingWhatIsMissing() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Dockerfile", "FROM python:3.12\n")
            .file("Makefile", "docker:\n\tdocker build .\n")
            .build();
    Outcome outcome = FixtureRepo.check(new ContainerCommandTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .isEqualTo(
            "no `docker-test` or `docker-run` target in Makefile (names must match exactly); no"
                + " .devcontainer/ either");
  }
}
