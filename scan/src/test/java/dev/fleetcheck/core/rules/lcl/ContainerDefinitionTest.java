package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerDefinitionTest {

  @TempDir Path dir;

  @Test
  void passesOnDockerfileInAnyFolder() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("docker/api.Dockerfile", "FROM python:3.12-slim\n")
            .build();
    assertThat(FixtureRepo.check(new ContainerDefinition(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void passesOnDevcontainer() {
    Path repo = FixtureRepo.in(dir).python().file(".devcontainer/devcontainer.json", "{}").build();
    assertThat(FixtureRepo.check(new ContainerDefinition(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenOnlyATestFixtureDockerfileExists() {
    Path repo = FixtureRepo.in(dir).python().file("tests/data/Dockerfile", "FROM x\n").build();
    assertThat(FixtureRepo.check(new ContainerDefinition(), repo).status()).isEqualTo(Status.FAIL);
  }
}
