package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiThrottlingTest {

  @TempDir Path dir;

  private static final String HEAD = "Transform: AWS::Serverless-2016-10-31\n";

  private Outcome check(String template) {
    Path repo = FixtureRepo.in(dir).python().file("template.yaml", HEAD + template).build();
    return RuleFixture.checkLambda(new ApiThrottling(), repo);
  }

  @Test
  void anImplicitApiWithoutThrottlingFails() {
    Outcome outcome =
        check(
            """
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Events:
                    Hello:
                      Type: Api
                      Properties:
                        Path: /hello
                        Method: get
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "template.yaml:3: HelloFunction: implicit REST API of its Api events is public and has"
                + " no throttling configured");
  }

  @Test
  void globalMethodSettingsThrottleTheImplicitApi() {
    Outcome outcome =
        check(
            """
            Globals:
              Api:
                MethodSettings:
                  - ResourcePath: "/*"
                    HttpMethod: "*"
                    ThrottlingRateLimit: 50
                    ThrottlingBurstLimit: 100
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Hello:
                      Type: Api
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void eachExplicitApiIsJudgedOnItsOwnSettingsOrStage() {
    Outcome outcome =
        check(
            """
            Resources:
              Throttled:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefaultRouteSettings:
                    ThrottlingBurstLimit: 20
              Open:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Staged:
                Type: AWS::ApiGatewayV2::Api
              StagedStage:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref Staged
                  DefaultRouteSettings:
                    ThrottlingRateLimit: 10
              Internal:
                Type: AWS::Serverless::Api
                Properties:
                  EndpointConfiguration:
                    Type: PRIVATE
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "template.yaml:8: Open: REST API is public and has no throttling configured");
  }

  @Test
  void aUsagePlanWithThrottleCoversTheTemplatesApis() {
    Outcome outcome =
        check(
            """
            Resources:
              Rest:
                Type: AWS::ApiGateway::RestApi
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  Throttle:
                    RateLimit: 10
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aFunctionUrlWithoutAuthNeedsARateLimiterInCode() {
    String template =
        HEAD
            + """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionUrlConfig:
                    AuthType: NONE
            """;
    Path bare =
        FixtureRepo.in(dir.resolve("bare")).python().file("template.yaml", template).build();
    Path limited =
        FixtureRepo.in(dir.resolve("limited"))
            .python()
            .file("template.yaml", template)
            .file("app/main.py", "from slowapi import Limiter\n")
            .build();

    assertThat(RuleFixture.checkLambda(new ApiThrottling(), bare).status()).isEqualTo(Status.FAIL);
    Outcome outcome = RuleFixture.checkLambda(new ApiThrottling(), limited);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(RuleFixture.described(outcome))
        .containsExactly("app/main.py:1: rate limiter in code: slowapi");
  }

  @Test
  void noPublicApiOrOnlyAFixtureTemplateIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                HEAD
                    + """
                    Resources:
                      Worker:
                        Type: AWS::Serverless::Function
                        Properties:
                          FunctionUrlConfig:
                            AuthType: AWS_IAM
                          Events:
                            Queue:
                              Type: SQS
                    """)
            .file(
                "tests/fixtures/template.yaml",
                HEAD + "Resources:\n  A:\n    Type: AWS::Serverless::Api\n")
            .build();

    assertThat(RuleFixture.checkLambda(new ApiThrottling(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
