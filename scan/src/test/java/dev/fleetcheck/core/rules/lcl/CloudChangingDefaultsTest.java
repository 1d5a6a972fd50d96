package dev.fleetcheck.core.rules.lcl;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudChangingDefaultsTest {

  @TempDir Path dir;
  private final CloudChangingDefaults rule = new CloudChangingDefaults();

  @Test
  void deploysAndRealProfilesInLocalDefaultsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Makefile",
                "dev:\n\tsam build && sam deploy --no-confirm-changeset\n"
                    + "test:\n\tAWS_PROFILE=prod-admin uv run pytest\n"
                    + "deploy:\n\tsam deploy\n")
            .file(
                ".devcontainer/devcontainer.json",
                "{\n  \"postCreateCommand\": \"aws s3 sync ./seed s3://team-bucket/seed\"\n}\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            ".devcontainer/devcontainer.json:2: postCreateCommand changes real cloud resources:"
                + " aws s3 sync ./seed s3://",
            "Makefile:1: target dev changes real cloud resources: sam deploy",
            "Makefile:3: target test uses the real AWS profile prod-admin");
  }

  @Test
  void localEmulatorDefaultsStayManualAndNoTargetIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Makefile",
                "dev:\n\tsam local start-api --profile localstack\n"
                    + "test:\n\tuv run pytest\n"
                    + "deploy:\n\tsam deploy\n")
            .build();
    assertNoEvidentViolation(check(rule, repo));

    Path none = FixtureRepo.in(dir.resolve("n")).python().file("a.py", "x = 1\n").build();
    assertThat(check(rule, none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
