package dev.fleetcheck.core.rules.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaHandlerTestsTest {

  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::Api
          Properties:
            Auth:
              DefaultAuthorizer: TokenAuth
              Authorizers:
                TokenAuth:
                  FunctionArn: !GetAtt AuthFunction.Arn
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: orders.app.handle
        AuthFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ./auth
            Handler: authorizer.lambda_handler
      """;

  private static final String HANDLER = "def handle(event, context):\n    return {}\n";
  private static final String AUTHORIZER =
      "def lambda_handler(event, context):\n    return {'isAuthorized': False}\n";

  private FixtureRepo repo() {
    return FixtureRepo.in(dir)
        .python()
        .file("template.yaml", TEMPLATE)
        .file("src/orders/app.py", HANDLER)
        .file("auth/authorizer.py", AUTHORIZER);
  }

  @Test
  void anAuthorizerNoTestImportsFails() {
    Path repo =
        repo()
            .file(
                "tests/unit/test_orders.py",
                """
                from orders.app import handle
                # import authorizer  (a comment is no import)
                NOTE = "import authorizer"


                def test_handle():
                    assert handle({}, None) == {}
                """)
            .build();

    assertThat(RuleFixture.described(RuleFixture.checkLambda(new LambdaHandlerTests(), repo)))
        .containsExactly(
            "auth/authorizer.py:1: authorizer lambda_handler (template.yaml:16) is imported by no"
                + " test and invoked by no sam local target");
  }

  @Test
  void importsByBasenameAfterASysPathEditAndLoadersCount() {
    Path repo =
        repo()
            .file(
                "tests/test_auth.py",
                """
                import os
                import sys

                sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "auth"))
                import authorizer
                """)
            .file(
                "tests/test_orders.py",
                """
                import importlib.util

                spec = importlib.util.spec_from_file_location(
                    "orders", "src/orders/app.py"
                )
                """)
            .build();

    Outcome outcome = RuleFixture.checkLambda(new LambdaHandlerTests(), repo);

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aSamLocalInvokeTargetCountsAndNoHandlerIsNotApplicable() {
    Path invoked =
        repo().file("Makefile", "invoke:\n\tsam local invoke OrdersFunction -e e.json\n").build();
    assertThat(RuleFixture.checkLambda(new LambdaHandlerTests(), invoked).status())
        .isEqualTo(Status.PASS);

    Path none =
        FixtureRepo.in(dir.resolve("other"))
            .python()
            .file("lib/x.py", "def f():\n    pass\n")
            .build();
    assertThat(RuleFixture.checkLambda(new LambdaHandlerTests(), none).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void conventionalHandlersCountWithoutATemplate() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("functions/ingest/app.py", "def lambda_handler(event, context):\n    pass\n")
            .file("functions/ingest/util.py", "def handler(request):\n    pass\n")
            .build();

    assertThat(RuleFixture.described(RuleFixture.checkLambda(new LambdaHandlerTests(), repo)))
        .containsExactly(
            "functions/ingest/app.py:1: handler lambda_handler (convention) is imported by no test"
                + " and invoked by no sam local target");
  }
}
