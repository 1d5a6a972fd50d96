package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.GUARDED;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.NOISY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionDebugLoggingTest {

  @TempDir Path dir;

  @Test
  void debugBehindAnOptionStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/cli.py", GUARDED)
            .file("tests/test_cli.py", NOISY)
            .build();

    assertNoEvidentViolation(check(new ProductionDebugLogging(), repo, Profile.API));
  }

  @Test
  void productionDebugInTemplatesContainersAndCodeFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Environment:
                      Variables:
                        POWERTOOLS_LOG_LEVEL: DEBUG
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Environment:
                        Variables:
                          # LOG_LEVEL: DEBUG
                          LOG_LEVEL: INFO
                """)
            .file("Dockerfile", "FROM python:3.12\nENV LOG_LEVEL=DEBUG\n")
            .file("Dockerfile.dev", "FROM python:3.12\nENV LOG_LEVEL=DEBUG\n")
            .file(
                "app/handler.py",
                "from aws_lambda_powertools import Logger\nlogger = Logger(level=\"DEBUG\")\n"
                    + "def handler(event, context):\n    return {}\n")
            .build();

    assertThat(findings(check(new ProductionDebugLogging(), repo, Profile.LAMBDA)))
        .containsExactly(
            "Dockerfile:2: log level DEBUG committed for production",
            "app/handler.py:2: Logger(...) sets DEBUG unconditionally in production code",
            "template.yaml:6: log level DEBUG committed for production");
  }
}
