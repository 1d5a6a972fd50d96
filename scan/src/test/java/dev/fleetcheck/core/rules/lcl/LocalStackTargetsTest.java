package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTargetsTest {

  @TempDir Path dir;

  private FixtureRepo api() {
    return FixtureRepo.in(dir).file("pyproject.toml", "[project]\ndependencies = [\"fastapi\"]\n");
  }

  @Test
  void passesWithComposeFileAndUpDown() {
    Path repo =
        api()
            .file("compose.yaml", "services:\n  db:\n    image: postgres:16\n")
            .file("Makefile", "up:\n\tdocker compose up -d\ndown:\n\tdocker compose down\n")
            .build();
    Outcome outcome = FixtureRepo.check(new LocalStackTargets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence()).hasSize(3);
  }

  @Test
  void failsListingMissingDownWhenLocalStackConfigExists() {
    Path repo =
        api()
            .file("localstack/init-aws.sh", "awslocal s3 mb s3://x\n")
            .file("Makefile", "up:\n\tlocalstack start -d\n")
            .build();
    Outcome outcome = FixtureRepo.check(new LocalStackTargets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .anyMatch(e -> e.message().startsWith("no `down` target in Makefile"));
  }

  @Test
  void samTemplateAloneOrFixtureComposeIsNotALocalStack() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n")
            .file("tests/compose.yaml", "services:\n  x:\n    image: y:1\n")
            .build();
    Outcome outcome = FixtureRepo.check(new LocalStackTargets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void notApplicableForPlainPythonEvenWithCompose() {
    Path repo = FixtureRepo.in(dir).python().file("docker-compose.yml", "services: {}\n").build();
    assertThat(FixtureRepo.check(new LocalStackTargets(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
