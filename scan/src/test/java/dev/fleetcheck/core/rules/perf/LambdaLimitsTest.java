package dev.fleetcheck.core.rules.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaLimitsTest {

  @TempDir Path dir;

  private Outcome check(String path, String template) {
    Path repo = FixtureRepo.in(dir).python().file(path, template).build();
    return RuleFixture.checkLambda(new LambdaLimits(), repo);
  }

  @Test
  void passesWhenGlobalsOrTheFunctionSetMemoryAndTimeout() {
    Outcome outcome =
        check(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 10
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  MemorySize: !Ref Memory
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsNamingEachFunctionAndWhatIsMissing() {
    Outcome outcome =
        check(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: 512
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
              Raw:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: 30
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "template.yaml:8: Lambda function Api has no Timeout: the platform default applies",
            "template.yaml:12: Lambda function Worker has no MemorySize and no Timeout: the"
                + " platform default applies",
            "template.yaml:16: Lambda function Raw has no MemorySize: the platform default"
                + " applies");
  }

  @Test
  void serverlessProviderSettingsAreInheritedAndFunctionsJudged() {
    Outcome outcome =
        check(
            "serverless.yml",
            """
            provider:
              name: aws
              runtime: python3.12
              timeout: 20
            functions:
              hello:
                handler: handler.hello
                memorySize: 256
              bye:
                handler: handler.bye
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "serverless.yml:9: Lambda function bye has no memorySize: the platform default"
                + " applies");
  }

  @Test
  void templatesInTestCodeOrExamplesAndRepositoriesWithoutFunctionsAreNotApplicable() {
    String bare =
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
        """;
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/fixtures/template.yaml", bare)
            .file("examples/app/template.yaml", bare)
            .build();

    assertThat(RuleFixture.checkLambda(new LambdaLimits(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
