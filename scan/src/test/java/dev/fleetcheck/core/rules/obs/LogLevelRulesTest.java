package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.assisted.AssistedFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.assisted.AssistedFixture.check;
import static dev.fleetcheck.core.rules.assisted.AssistedFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules over {@link LevelSettings}: PY-OBS-011 ({@link QuietCliLogging}), PY-OBS-020 ({@link
 * ProductionDebugLogging}), PY-OBS-049 ({@link ConfigurableLogLevel}) and PY-OBS-030 ({@link
 * SqlStatementLogging}).
 */
class LogLevelRulesTest {

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
  void unconditionalDebugInACliFails() {
    Path repo = FixtureRepo.in(dir).python().file("app/cli.py", NOISY).build();

    assertThat(findings(check(new QuietCliLogging(), repo, Profile.CLI)))
        .containsExactly(
            "app/cli.py:5: logging.basicConfig(...) turns DEBUG on unconditionally: the CLI is"
                + " noisy by default",
            "app/cli.py:6: logging.getLogger().setLevel(...) turns DEBUG on unconditionally: the"
                + " CLI is noisy by default",
            "app/cli.py:10: logging.basicConfig(...) turns DEBUG on unconditionally: the CLI is"
                + " noisy by default");
  }

  @Test
  void debugBehindAnOptionStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/cli.py", GUARDED)
            .file("tests/test_cli.py", NOISY)
            .build();

    assertNoEvidentViolation(check(new QuietCliLogging(), repo, Profile.CLI));
    assertNoEvidentViolation(check(new ProductionDebugLogging(), repo, Profile.API));
    assertNoEvidentViolation(check(new ConfigurableLogLevel(), repo, Profile.API));
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

  @Test
  void onlyLiteralLevelsFailConfigurability() {
    Path fixed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/log.py",
                "import logging\nlogging.basicConfig(level=logging.INFO)\n"
                    + "log = logging.getLogger(__name__)\nlog.debug('x')\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/log.py", "import logging\nlogging.info('x')\n")
            .build();

    assertThat(findings(check(new ConfigurableLogLevel(), fixed, Profile.API)))
        .containsExactly(
            "app/log.py:2: logging.basicConfig(...) sets a fixed level and no setting, variable"
                + " or option can change it");
    assertThat(check(new ConfigurableLogLevel(), none, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void echoedSqlFailsAndQuietEnginesStayManual() {
    Path noisy =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/db.py",
                """
                import logging
                from sqlalchemy import create_engine
                from sqlalchemy.ext.asyncio import create_async_engine as engine
                e1 = create_engine(URL, echo=True)
                e2 = engine(
                    URL, echo="debug")
                logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
                """)
            .build();
    Path quiet =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/db.py",
                "from sqlalchemy import create_engine\n"
                    + "e = create_engine(URL, echo=settings.echo_sql)\n"
                    + "f = create_engine(URL, echo=False)\n")
            .build();

    assertThat(findings(check(new SqlStatementLogging(), noisy, Profile.API)))
        .containsExactly(
            "app/db.py:4: create_engine(echo=...) logs every SQL statement and its parameters",
            "app/db.py:5: engine(echo=...) logs every SQL statement and its parameters",
            "app/db.py:7: the sqlalchemy.engine logger logs every SQL statement");
    assertNoEvidentViolation(check(new SqlStatementLogging(), quiet, Profile.API));
  }
}
