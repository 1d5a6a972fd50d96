package dev.fleetcheck.core.facts.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerAndComposeFilesTest {

  @TempDir Path dir;

  @Test
  void findsContainerFilesOutsideTestCode() {
    Path repo =
        FixtureRepo.in(dir)
            .file("Dockerfile", "FROM python:3.12\n")
            .file("deploy/Dockerfile.prod", "FROM x\n")
            .file("docker/api.Dockerfile", "FROM x\n")
            .file("Containerfile", "FROM x\n")
            .file("Dockerfile.dockerignore", ".env\n")
            .file("tests/fixtures/Dockerfile", "FROM x\n")
            .file(".devcontainer/devcontainer.json", "{}")
            .build();
    ContainerFiles files = FixtureRepo.context(repo).fact(ContainerFiles.FACT);
    assertThat(files.containerfiles())
        .containsExactlyInAnyOrder(
            "Dockerfile", "deploy/Dockerfile.prod", "docker/api.Dockerfile", "Containerfile");
    assertThat(files.devcontainer()).containsExactly(".devcontainer/devcontainer.json");
    assertThat(files.any()).isTrue();
  }

  @Test
  void parsesComposeServicesAndSkipsFixtures() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "docker-compose.yml",
                """
                services:
                  localstack:
                    image: localstack/localstack:3.8
                  app:
                    build: .
                    image: app
                """)
            .file("compose.dev.yaml", "services:\n  db:\n    image: postgres\n")
            .file("tests/docker-compose.yml", "services:\n  x:\n    image: y\n")
            .build();
    ComposeFiles compose = FixtureRepo.context(repo).fact(ComposeFiles.FACT);
    assertThat(compose.paths()).containsExactlyInAnyOrder("docker-compose.yml", "compose.dev.yaml");
    ComposeFile main =
        compose.files().stream()
            .filter(f -> f.path().equals("docker-compose.yml"))
            .findFirst()
            .orElseThrow();
    assertThat(main.services())
        .containsExactly(
            new ComposeService(
                "localstack", java.util.Optional.of("localstack/localstack:3.8"), false, 2),
            new ComposeService("app", java.util.Optional.of("app"), true, 4));
    assertThat(ComposeFiles.isComposeFile("docker-compose.override.yaml")).isTrue();
    assertThat(ComposeFiles.isComposeFile("composer.yml")).isFalse();
  }
}
