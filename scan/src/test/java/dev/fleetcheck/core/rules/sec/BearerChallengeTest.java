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

class BearerChallengeTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new BearerChallenge(), repo.build(), Profile.API);
  }

  @Test
  void fastApiTokenErrorsAnswered403OrWithoutAChallengeFail() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/auth.py",
                    """
                    import jwt as pyjwt
                    from fastapi import HTTPException, status
                    from fastapi.security import HTTPBearer
                    from fastapi.responses import JSONResponse

                    bearer = HTTPBearer()


                    def current_user(token):
                        try:
                            return pyjwt.decode(token, KEY, algorithms=["RS256"])
                        except pyjwt.ExpiredSignatureError:
                            raise HTTPException(
                                status_code=status.HTTP_403_FORBIDDEN, detail="expired"
                            )
                        except (pyjwt.InvalidTokenError, ValueError):
                            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")


                    def refused():
                        return JSONResponse(
                            {"detail": "no"}, status_code=401, headers={"X-Reason": "none"}
                        )
                    """));

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/auth.py:12: an invalid token (ExpiredSignatureError) is answered 403_forbidden"
                + " instead of 401",
            "app/auth.py:17: HTTPException(...) answers 401 without a WWW-Authenticate header",
            "app/auth.py:21: JSONResponse(...) answers 401 without a WWW-Authenticate header");
  }

  @Test
  void flaskLambdaAndDrfAnswersWithoutAChallengeFail() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "web/views.py",
                    """
                    from flask import abort, jsonify, request


                    def view():
                        auth = request.headers.get("Authorization")
                        if not auth:
                            abort(401)
                        return jsonify(error="invalid token"), 401
                    """)
                .file(
                    "fn/app.py",
                    """
                    def handler(event, context):
                        return {
                            "statusCode": 401,
                            "headers": {"Content-Type": "application/json"},
                            "body": "{}",
                        }
                    """)
                .file(
                    "site/settings.py",
                    """
                    REST_FRAMEWORK = {
                        "DEFAULT_AUTHENTICATION_CLASSES": [
                            "rest_framework.authentication.SessionAuthentication",
                            "rest_framework_simplejwt.authentication.JWTAuthentication",
                        ]
                    }
                    """));

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "fn/app.py:3: \"statusCode\": 401 without a WWW-Authenticate header in \"headers\"",
            "site/settings.py:1: SessionAuthentication is listed before a token class:"
                + " unauthenticated token clients get 403 without WWW-Authenticate",
            "web/views.py:7: abort(401) answers without WWW-Authenticate",
            "web/views.py:8: return ..., 401 answers without WWW-Authenticate");
  }

  @Test
  void challengedAnswersPermissionDenialsStringsAndTestsPass() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/auth.py",
                    """
                    \"\"\"Never abort(401) or return body, 401 without a challenge.\"\"\"
                    import jwt
                    from fastapi import HTTPException, status
                    from fastapi.security import OAuth2PasswordBearer

                    oauth2 = OAuth2PasswordBearer(tokenUrl="token")
                    CHALLENGE = {"WWW-Authenticate": "Bearer"}


                    def current_user(token):
                        try:
                            claims = jwt.decode(token, KEY, algorithms=["RS256"])
                        except jwt.PyJWTError:
                            # not 403: the client must re-authenticate
                            raise HTTPException(
                                status_code=401,
                                detail="invalid token",
                                headers={"WWW-Authenticate": "Bearer"},
                            )
                        if "admin" not in claims["roles"]:
                            raise HTTPException(status_code=403, detail="forbidden")
                        return claims


                    def expired():
                        raise HTTPException(status.HTTP_401_UNAUTHORIZED, headers=CHALLENGE)


                    def flask_style():
                        return {"error": "invalid token"}, 401, {"WWW-Authenticate": "Bearer"}


                    def lambda_style(event, context):
                        return {"statusCode": 401, "headers": CHALLENGE, "body": ""}
                    """)
                .file(
                    "site/settings.py",
                    """
                    REST_FRAMEWORK = {
                        "DEFAULT_AUTHENTICATION_CLASSES": [
                            "rest_framework_simplejwt.authentication.JWTAuthentication",
                            "rest_framework.authentication.SessionAuthentication",
                        ]
                    }
                    """)
                .file("tests/test_auth.py", "from flask import abort\nabort(401)\n"));

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void apisWithoutBearerTokensAreNotJudged() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/main.py",
                    """
                    from fastapi import FastAPI, HTTPException

                    app = FastAPI()


                    @app.get("/items")
                    def items(api_key: str):
                        raise HTTPException(status_code=401)
                    """));

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
