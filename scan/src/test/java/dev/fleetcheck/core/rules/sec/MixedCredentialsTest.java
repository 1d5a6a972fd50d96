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

class MixedCredentialsTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new MixedCredentials(), repo.build(), Profile.API);
  }

  @Test
  void drfFlaskJwtAndFastApiMixesFail() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "site/settings.py",
                    """
                    REST_FRAMEWORK = {
                        "DEFAULT_AUTHENTICATION_CLASSES": (
                            "rest_framework.authentication.SessionAuthentication",
                            "rest_framework.authentication.TokenAuthentication",
                        ),
                    }
                    """)
                .file(
                    "web/app.py",
                    """
                    from flask import Flask

                    app = Flask(__name__)
                    app.config["JWT_TOKEN_LOCATION"] = ["headers", "cookies"]
                    app.config.update(
                        JWT_TOKEN_LOCATION=["cookies", "headers"],
                    )
                    """)
                .file(
                    "api/deps.py",
                    """
                    from fastapi import Request
                    from fastapi.security import OAuth2PasswordBearer as Bearer

                    oauth2 = Bearer(tokenUrl="token")


                    def from_cookie(request: Request):
                        return request.cookies.get("access_token")
                    """));

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/deps.py:8: cookie credential read: access_token while the API also takes bearer"
                + " tokens (api/deps.py:4: bearer credential Bearer)",
            "site/settings.py:1: DEFAULT_AUTHENTICATION_CLASSES accepts session cookies and bearer"
                + " tokens together",
            "web/app.py:4: JWT_TOKEN_LOCATION accepts tokens from cookies and headers together",
            "web/app.py:5: JWT_TOKEN_LOCATION accepts tokens from cookies and headers together");
  }

  @Test
  void oneKindOfCredentialDrfDefaultsAndCsrfCookiesPass() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "site/settings.py",
                    """
                    REST_FRAMEWORK = {
                        "DEFAULT_AUTHENTICATION_CLASSES": [
                            "rest_framework.authentication.SessionAuthentication",
                            "rest_framework.authentication.BasicAuthentication",
                        ],
                    }
                    JWT_TOKEN_LOCATION = ["headers"]
                    """)
                .file(
                    "api/deps.py",
                    """
                    from fastapi.security import HTTPBearer

                    bearer = HTTPBearer()
                    # request.cookies.get("session") is not read here
                    HELP = "request.cookies['access_token']"


                    def csrf(request):
                        return request.cookies.get("csrftoken")
                    """)
                .file(
                    "tests/test_auth.py",
                    "def test_c(request):\n    request.cookies.get('session')\n"));

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void apisWithoutCookieOrBearerCredentialsAreNotJudged() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n"));

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
