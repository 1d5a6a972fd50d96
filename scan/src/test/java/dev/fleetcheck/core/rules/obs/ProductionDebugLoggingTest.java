package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionDebugLoggingTest {

  @TempDir Path dir;

  private static final String NOISY =
      """
      import logging
      from logging import DEBUG

      def main():
          logging.basicConfig(level=logging.DEBUG)
          logging.getLogger().setLevel(DEBUG)
          logging.getLogger("app").setLevel(10)

      if __name__ == "__main__":
          logging.basicConfig(level="DEBUG")
      """;

  private static final String GUARDED =
      """
      import logging, os

      def main(args):
          if args.verbose:
              logging.basicConfig(level=logging.DEBUG)
          else:
              logging.basicConfig(level=logging.WARNING)

      def enable_debug():
          logging.getLogger().setLevel(logging.DEBUG)

      # logging.basicConfig(level=logging.DEBUG)
      level = os.environ.get("LOG_LEVEL", "INFO")
      """;

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
