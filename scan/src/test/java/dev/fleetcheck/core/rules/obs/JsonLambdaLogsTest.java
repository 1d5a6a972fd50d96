package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLambdaLogsTest {

  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          LoggingConfig:
            LogFormat: JSON
      Resources:
        Api:
          Type: AWS::Serverless::Function
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            LoggingConfig:
              LogFormat: Text
      """;

  @Test
  void failsNamingFunctionsThatLogPlainText() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE)
            .file("app/handler.py", "import logging\nlogging.info('hello')\n")
            .build();

    assertThat(RuleFixture.described(RuleFixture.checkLambda(new JsonLambdaLogs(), repo)))
        .containsExactly(
            "template.yaml:9: Lambda function Worker logs plain text: no JSON LogFormat and no"
                + " structured logger in the code");
  }

  @Test
  void theJsonLogFormatOnEveryFunctionPasses() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE.replace("LogFormat: Text", "LogFormat: JSON"))
            .build();

    assertThat(RuleFixture.checkLambda(new JsonLambdaLogs(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aStructuredLoggerInTheCodePasses() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE)
            .file("app/handler.py", "from aws_lambda_powertools import Logger\nlogger = Logger()\n")
            .build();

    Outcome outcome = RuleFixture.checkLambda(new JsonLambdaLogs(), repo);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aStructuredLoggerOnlyInTestCodeDoesNotCountAndNoTemplateIsNotApplicable() {
    Path withTemplate =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("template.yaml", TEMPLATE)
            .file("tests/test_x.py", "from aws_lambda_powertools import Logger\n")
            .build();
    Path without =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/handler.py", "def handler(event, context):\n    print(event)\n")
            .build();

    assertThat(RuleFixture.checkLambda(new JsonLambdaLogs(), withTemplate).status())
        .isEqualTo(Status.FAIL);
    assertThat(RuleFixture.checkLambda(new JsonLambdaLogs(), without).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
