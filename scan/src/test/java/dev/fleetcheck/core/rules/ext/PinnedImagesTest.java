package dev.fleetcheck.core.rules.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinnedImagesTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return FixtureRepo.check(new PinnedImages(), repo.python().build());
  }

  @ParameterizedTest
  @CsvSource({
    "localstack/localstack:3.8.1, PINNED",
    "postgres:16, PINNED",
    "redis@sha256:0123abcd, PINNED",
    "localhost:5000/team/app:v2, PINNED",
    "'postgres:${PG_VERSION:-16}', PINNED",
    "localstack/localstack, UNPINNED",
    "localstack/localstack:latest, UNPINNED",
    "python:alpine, UNPINNED",
    "debian:stable-slim, UNPINNED",
    "localhost:5000/team/app, UNPINNED",
    "'${IMAGE}', UNKNOWN",
    "'redis:${REDIS_TAG}', UNKNOWN"
  })
  void tagIsAVersionOnlyWithADigitOrADigest(String reference, ImageReference.Pinning expected) {
    assertThat(new ImageReference(reference).pinning()).isEqualTo(expected);
  }

  @Test
  void passesWhenComposeImagesArePinned() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "compose.yaml",
                    "services:\n  aws:\n    image: localstack/localstack:3.8\n"
                        + "  app:\n    build: .\n    image: myapp\n"));
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "compose.yaml",
                    2,
                    "service `aws`: image `localstack/localstack:3.8` is pinned")));
  }

  @Test
  void failsOnLatestAndMissingTags() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "docker-compose.yml",
                    "services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at("docker-compose.yml", 2, "service `db`: image `postgres` has no tag"),
            Evidence.at(
                "docker-compose.yml",
                4,
                "service `cache`: image `redis:latest` uses tag `latest`, not a version"));
  }

  @Test
  void testcontainersImageStringsCountEvenInTests() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "tests/conftest.py",
                    "from testcontainers.localstack import LocalStackContainer\n"
                        + "from testcontainers.postgres import PostgresContainer\n\n"
                        + "ls = LocalStackContainer(image=\"localstack/localstack:latest\")\n"
                        + "pg = PostgresContainer('postgres:16-alpine')\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(
                "tests/conftest.py",
                4,
                "testcontainers: image `localstack/localstack:latest` uses tag `latest`, not a"
                    + " version"));
  }

  @Test
  void devcontainerImageCounts() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file(
                            ".devcontainer/devcontainer.json",
                            "{\n  // comment\n  \"image\": \"mcr.microsoft.com/devcontainers/python\"\n}\n"))
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void composeFilesInTestsAndDockerfileFromDoNotCount() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file("tests/fixtures/compose.yaml", "services:\n  x:\n    image: nginx\n")
                .file("Dockerfile", "FROM python:latest\n"));
    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
