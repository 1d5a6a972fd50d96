package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSecretsTest {

  @TempDir Path dir;

  @Test
  void notApplicableWithoutContainerFile() {
    Path repo = FixtureRepo.in(dir).python().file(".devcontainer/devcontainer.json", "{}").build();
    assertThat(FixtureRepo.check(new ContainerSecrets(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void passesOnPlaceholdersReferencesAndLocations() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Dockerfile",
                """
                FROM python:3.12-slim
                ARG GITHUB_TOKEN
                ARG NPM_TOKEN=${NPM_TOKEN}
                ENV DB_PASSWORD=changeme API_KEY="<your key>" SECRET_KEY_FILE=/run/secrets/key
                ENV DEBUG_TOKEN_CHECKS=false
                COPY --from=builder /app/.env /app/.env
                COPY pyproject.toml uv.lock ./
                """)
            .build();
    Outcome outcome = FixtureRepo.check(new ContainerSecrets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOnLiteralSecretWithoutShowingIt() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "deploy/Dockerfile.prod",
                "FROM python:3.12\nENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzz1234567 \\\n    REGION=eu-west-1\nARG api_key=s3cr3tValue\n")
            .build();
    Outcome outcome = FixtureRepo.check(new ContainerSecrets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence()).hasSize(2);
    assertThat(outcome.evidence().get(0).line()).isEqualTo(2);
    assertThat(outcome.evidence().get(0).message())
        .startsWith(
            "ENV `AWS_SECRET_ACCESS_KEY` bakes a literal secret into the image (fingerprint sha256:")
        .doesNotContain("wJalr");
    assertThat(outcome.evidence().get(1).message())
        .startsWith("ARG `api_key`")
        .doesNotContain("s3cr3t");
  }

  @Test
  void failsOnDirectCopyOfSecretFile() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Containerfile", "FROM x\nCOPY .env certs/server.pem /app/\n")
            .build();
    Outcome outcome = FixtureRepo.check(new ContainerSecrets(), repo);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at("Containerfile", 2, "COPY copies secret file `.env` into the image"),
            Evidence.at(
                "Containerfile", 2, "COPY copies secret file `certs/server.pem` into the image"));
  }

  @Test
  void failsOnFolderCopyHoldingTrackedSecretNotDockerignored() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Dockerfile", "FROM x\nCOPY . /app\n")
            .file("config/.env", "A=1\n")
            .file(".env.example", "A=\n")
            .file(".dockerignore", "**/*.pem\n")
            .file("keys/deploy.pem", "x\n")
            .build();
    Outcome outcome = FixtureRepo.check(new ContainerSecrets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(
                "Dockerfile",
                2,
                "COPY `.` copies tracked secret file `config/.env` (not excluded by .dockerignore)"));
  }

  @Test
  void passesWhenDockerignoreExcludesTheSecretFolderWide() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Dockerfile", "FROM x\nCOPY [\"src\", \"/app/src\"]\nADD . /app\n")
            .file("src/.env", "A=1\n")
            .file(".dockerignore", "**/.env\n")
            .build();
    assertThat(FixtureRepo.check(new ContainerSecrets(), repo).status()).isEqualTo(Status.PASS);
  }
}
