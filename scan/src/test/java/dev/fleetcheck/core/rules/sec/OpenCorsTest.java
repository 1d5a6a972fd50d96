package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCorsTest {

  @TempDir Path dir;

  private Outcome check(String path, String text) {
    Path repo = FixtureRepo.in(dir).python().file(path, text).build();
    return RuleFixture.check(new OpenCors(), repo, Profile.API);
  }

  @Test
  void passesWithExplicitOrigins() {
    Outcome outcome =
        check(
            "api/main.py",
            """
            from fastapi.middleware.cors import CORSMiddleware
            from flask_cors import CORS, cross_origin
            app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"])
            CORS(app, origins=["https://app.example.com"])
            CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com"]}})
            @cross_origin(origins=["https://app.example.com"])
            def view(): pass
            CORS_ALLOW_ALL_ORIGINS = False
            response.headers["Access-Control-Allow-Origin"] = "https://app.example.com"
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOnStarletteAndDjangoAllowAll() {
    Outcome outcome =
        check(
            "api/main.py",
            """
            app.add_middleware(
                CORSMiddleware,
                allow_origins=[
                    "*",
                ],
            )
            CORS_ALLOW_ALL_ORIGINS = True
            CORS_ORIGIN_ALLOW_ALL = True
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/main.py:1: app.add_middleware(..., allow_origins=['*'])",
            "api/main.py:7: CORS_ALLOW_ALL_ORIGINS = True",
            "api/main.py:8: CORS_ORIGIN_ALLOW_ALL = True");
  }

  @Test
  void flaskCorsWithoutOriginsOrWithStarFails() {
    Outcome outcome =
        check(
            "api/app.py",
            """
            from flask_cors import CORS
            import flask_cors as fc
            CORS(app)
            CORS(app, origins="*")
            fc.CORS(
                app,
                resources={r"/api/*": {"origins": "*"}},
            )
            CORS(app, supports_credentials=True)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/app.py:3: CORS(app) without origins or resources allows '*'",
            "api/app.py:4: CORS(..., origins='*')",
            "api/app.py:5: CORS(..., resources={...: {'origins': '*'}})",
            "api/app.py:9: CORS(app) without origins or resources allows '*'");
  }

  @Test
  void restrictiveOriginsInsideResourcesDoNotFire() {
    Outcome outcome =
        check(
            "api/app.py",
            """
            from flask_cors import CORS
            CORS(app, resources={
                r"/api/*": {"origins": ["https://a.example.com", "https://b.example.com"]},
                r"/health": {"origins": "https://status.example.com"},
            })
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void crossOriginWithoutOriginsFires() {
    Outcome outcome =
        check(
            "api/views.py",
            """
            from flask_cors import cross_origin
            @app.route("/a")
            @cross_origin()
            def a(): pass
            @cross_origin
            def b(): pass
            @cross_origin(origins="*")
            def c(): pass
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(3, 5, 7);
  }

  @Test
  void renamedImportsAreStillFoundAfterTheModuleIsAskedForTheirNames() {
    Outcome outcome =
        check(
            "api/app.py",
            """
            from flask_cors import CORS as Open, cross_origin as shared
            Open(app)
            @shared
            def view(): pass
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/app.py:2: CORS(app) without origins or resources allows '*'",
            "api/app.py:3: @cross_origin without origins allows '*'");
  }

  @Test
  void aWildcardHeaderIsFoundInAModuleNamingNoCorsSetting() {
    Outcome outcome =
        check("api/handler.py", "HEADERS = {\"Access-Control-Allow-Origin\": \"*\"}\n");

    assertThat(RuleFixture.described(outcome))
        .containsExactly("api/handler.py:1: header Access-Control-Allow-Origin: * set in code");
  }

  @Test
  void aCorsCallWithKwargsOrFromAnotherLibraryIsNotFlagged() {
    Outcome outcome =
        check(
            "api/app.py",
            """
            from flask_cors import CORS
            from mylib import CORS as OurCors
            CORS(app, **settings.CORS)
            OurCors(app)
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aWildcardAllowOriginHeaderSetInCodeFires() {
    Outcome outcome =
        check(
            "api/handler.py",
            """
            def handler(event, context):
                response.headers["Access-Control-Allow-Origin"] = "*"
                resp.headers.add("access-control-allow-origin", "*")
                return {
                    "statusCode": 200,
                    "headers": {
                        "Access-Control-Allow-Origin": "*",
                    },
                }
            RAW = "Access-Control-Allow-Origin: *"
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(2, 3, 7, 10);
  }

  @Test
  void powertoolsCorsConfigWithoutAllowOriginFires() {
    Outcome outcome =
        check(
            "api/handler.py",
            """
            from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig
            from aws_lambda_powertools.event_handler import api_gateway
            cors = CORSConfig()
            star = api_gateway.CORSConfig(allow_origin="*", max_age=300)
            fine = CORSConfig(allow_origin="https://app.example.com")
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/handler.py:3: CORSConfig() without allow_origin allows '*'",
            "api/handler.py:4: CORSConfig(allow_origin='*')");
  }

  @Test
  void flaskCorsAppFactoryFormIsJudgedWhereInitAppSetsItUp() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/extensions.py",
                """
                from flask_cors import CORS
                cors = CORS()
                open_cors = CORS(supports_credentials=True)
                """)
            .file(
                "web/__init__.py",
                """
                from web.extensions import cors, open_cors
                def create_app():
                    cors.init_app(
                        app,
                        origins=["https://app.example.com"],
                    )
                    open_cors.init_app(app)
                    return app
                """)
            .build();

    assertThat(RuleFixture.described(RuleFixture.check(new OpenCors(), repo, Profile.API)))
        .containsExactly(
            "web/__init__.py:7: CORS().init_app(app) without origins or resources allows '*'");
  }

  @Test
  void factoryOptionsCarryOverToInitApp() {
    Outcome outcome =
        check(
            "web/app.py",
            """
            import flask_cors
            cors = flask_cors.CORS(resources={r"/api/*": {"origins": "https://a.example.com"}})
            star = flask_cors.CORS(origins="*")
            cors.init_app(app)
            other.init_app(app)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly("web/app.py:3: flask_cors.CORS(..., origins='*')");
  }

  @Test
  void originsFromASettingsAttributeDefaultingToStarAreOpen() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/config.py",
                """
                from pydantic_settings import BaseSettings
                class Settings(BaseSettings):
                    BACKEND_CORS_ORIGINS: list[str] = ["*"]
                    TRUSTED_ORIGINS: list[str] = ["https://app.example.com"]
                settings = Settings()
                """)
            .file(
                "api/main.py",
                """
                from fastapi.middleware.cors import CORSMiddleware
                from flask_cors import CORS
                from api.config import settings
                app.add_middleware(CORSMiddleware, allow_origins=settings.BACKEND_CORS_ORIGINS)
                app.add_middleware(
                    CORSMiddleware,
                    allow_origins=[str(o) for o in settings.BACKEND_CORS_ORIGINS],
                )
                app.add_middleware(CORSMiddleware, allow_origins=settings.TRUSTED_ORIGINS)
                CORS(app, origins=settings.TRUSTED_ORIGINS)
                """)
            .file("tests/conftest.py", "TRUSTED_ORIGINS = ['*']\n")
            .build();

    assertThat(RuleFixture.described(RuleFixture.check(new OpenCors(), repo, Profile.API)))
        .containsExactly(
            "api/main.py:4: app.add_middleware(..., allow_origins=['*'])",
            "api/main.py:5: app.add_middleware(..., allow_origins=['*'])");
  }

  @Test
  void aModuleConstantHoldingStarIsOpenOnlyWhereItIsDefined() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/a.py",
                """
                origins = ["*"]
                app.add_middleware(CORSMiddleware, allow_origins=origins)
                """)
            .file(
                "api/b.py",
                """
                origins = ["https://app.example.com"]
                # origins = ["*"]
                app.add_middleware(CORSMiddleware, allow_origins=origins)
                """)
            .build();

    assertThat(RuleFixture.described(RuleFixture.check(new OpenCors(), repo, Profile.API)))
        .containsExactly("api/a.py:2: app.add_middleware(..., allow_origins=['*'])");
  }

  @Test
  void textInStringsCommentsAndTestCodeDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/app.py",
                """
                # CORS(app)
                DOC = 'app.add_middleware(CORSMiddleware, allow_origins=["*"])'
                """)
            .file("tests/test_app.py", "from flask_cors import CORS\nCORS(app)\n")
            .build();

    assertThat(RuleFixture.check(new OpenCors(), repo, Profile.API).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void samApiAndHttpApiCorsAllowingEveryOriginFire() {
    Outcome outcome =
        check(
            "template.yaml",
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Api:
                Cors: "'*'"
            Resources:
              RestApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Cors:
                    AllowMethods: "'GET'"
                    AllowOrigin: "'*'"
              HttpApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  CorsConfiguration:
                    AllowOrigins:
                      - "*"
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Role: !GetAtt Role.Arn
                  FunctionUrlConfig:
                    AuthType: NONE
                    Cors:
                      AllowOrigins: ["*"]
              Assets:
                Type: AWS::S3::Bucket
                Properties:
                  CorsConfiguration:
                    CorsRules:
                      - AllowedOrigins: ["*"]
                        AllowedMethods: [GET]
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "template.yaml:5: Globals: Api Cors allows every origin ('*')",
            "template.yaml:13: RestApi: Api Cors allows every origin ('*')",
            "template.yaml:18: HttpApi: HttpApi CorsConfiguration allows every origin ('*')",
            "template.yaml:28: Fn: function URL Cors allows every origin ('*')");
  }

  @Test
  void samCorsWithExplicitOriginsPasses() {
    Outcome outcome =
        check(
            "infra/template.yml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              RestApi:
                Type: AWS::Serverless::Api
                Properties:
                  Cors: "'https://app.example.com'"
              Url:
                Type: AWS::Lambda::Url
                Properties:
                  Cors:
                    AllowOrigins: [https://app.example.com]
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(RuleFixture.described(outcome)).singleElement().asString().contains("1 templates");
  }

  @Test
  void aTemplateInTestCodeIsAFixture() {
    Outcome outcome =
        check(
            "tests/fixtures/template.yaml",
            """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  CorsConfiguration: true
            """);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void appliesOnlyToApiRepositories() {
    Path repo =
        FixtureRepo.in(dir).python().file("lib/app.py", "CORS_ALLOW_ALL_ORIGINS = True\n").build();

    assertThat(FixtureRepo.check(new OpenCors(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
