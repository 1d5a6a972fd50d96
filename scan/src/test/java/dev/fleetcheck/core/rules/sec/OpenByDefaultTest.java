package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenByDefaultTest {

  private static final String OPEN_API =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::Api
          Properties:
            StageName: prod
        Orders:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.handler
            Events:
              List:
                Type: Api
                Properties:
                  RestApiId: !Ref Api
                  Path: /orders
                  Method: get
              Preflight:
                Type: Api
                Properties:
                  RestApiId: !Ref Api
                  Path: /orders
                  Method: options
              Create:
                Type: Api
                Properties:
                  RestApiId: !Ref Api
                  Path: /orders
                  Method: post
                  Auth:
                    Authorizer: Cognito
      """;

  @TempDir Path dir;
  private final OpenByDefault rule = new OpenByDefault();

  @Test
  void drfAllowAnyDefaultInSettingsFailsAndTestSettingsCommentsAndStringsDoNot() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "shop/settings/base.py",
                """
                # REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"]}
                NOTE = "DEFAULT_PERMISSION_CLASSES: AllowAny"
                REST_FRAMEWORK = {
                    "DEFAULT_AUTHENTICATION_CLASSES": [
                        "rest_framework.authentication.TokenAuthentication",
                    ],
                    "DEFAULT_PERMISSION_CLASSES": [
                        "rest_framework.permissions.AllowAny",
                    ],
                }
                """)
            .file(
                "shop/settings/test.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.AllowAny\"]}\n")
            .file(
                "tests/settings.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": (\"rest_framework.permissions.AllowAny\",)}\n")
            .file(
                "examples/demo/settings.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.AllowAny\"]}\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "shop/settings/base.py:3: DRF DEFAULT_PERMISSION_CLASSES is AllowAny: every view is"
                + " open unless it says otherwise");
  }

  @Test
  void drfDenyingDefaultOrPermissionsOnTheViewsStayManual() {
    Path denying =
        FixtureRepo.in(dir.resolve("denying"))
            .python()
            .file(
                "shop/settings.py",
                """
                from rest_framework.permissions import IsAuthenticated
                REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": [IsAuthenticated]}
                """)
            .build();
    Path perView =
        FixtureRepo.in(dir.resolve("per-view"))
            .python()
            .file(
                "shop/settings.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.AllowAny\"]}\n")
            .file(
                "shop/views.py",
                """
                from rest_framework.permissions import IsAuthenticated
                class Orders(APIView):
                    permission_classes = [IsAuthenticated]
                """)
            .build();

    Path perFunctionView =
        FixtureRepo.in(dir.resolve("per-function-view"))
            .python()
            .file(
                "shop/settings.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.AllowAny\"]}\n")
            .file(
                "shop/views.py",
                """
                from rest_framework.decorators import api_view, permission_classes
                from rest_framework.permissions import IsAuthenticated

                @api_view(["GET"])
                @permission_classes([IsAuthenticated])
                def orders(request):
                    return []
                """)
            .build();

    assertNoEvidentViolation(check(rule, denying, Profile.API));
    assertNoEvidentViolation(check(rule, perView, Profile.API));
    assertNoEvidentViolation(check(rule, perFunctionView, Profile.API));
  }

  @Test
  void samApiRouteWithoutAuthorizerOnAnApiWithoutDefaultFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", OPEN_API)
            .file("app.py", "def handler(event, context):\n    return {}\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "template.yaml:12: function Orders event List (Api get /orders) has no authorizer"
                + " and its API no DefaultAuthorizer");
  }

  @Test
  void defaultAuthorizerWithAnExplicitlyPublicHealthRouteAndCodeVerifyingTokensStayManual() {
    Path guarded =
        FixtureRepo.in(dir.resolve("guarded"))
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    Auth:
                      DefaultAuthorizer: AWS_IAM
                Resources:
                  Http:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        DefaultAuthorizer: Jwt
                        Authorizers:
                          Jwt:
                            IdentitySource: $request.header.Authorization
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        List:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Http
                            Path: /orders
                            Method: get
                        Health:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Http
                            Path: /health
                            Method: get
                            Auth:
                              Authorizer: NONE
                        Implicit:
                          Type: Api
                          Properties:
                            Path: /items
                            Method: get
                """)
            .file("app.py", "def handler(event, context):\n    return {}\n")
            .build();
    Path verifying =
        FixtureRepo.in(dir.resolve("verifying"))
            .python()
            .file("template.yaml", OPEN_API)
            .file("app.py", "import jwt\n\ndef handler(event, context):\n    return {}\n")
            .build();

    assertNoEvidentViolation(check(rule, guarded, Profile.LAMBDA));
    assertNoEvidentViolation(check(rule, verifying, Profile.LAMBDA));
  }
}
