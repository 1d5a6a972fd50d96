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

class IdentityFromHeadersTest {

  @TempDir Path dir;
  private final IdentityFromHeaders rule = new IdentityFromHeaders();

  @Test
  void identityHeadersUnverifiedClaimsAndHandDecodedTokensFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                import base64
                import json
                from fastapi import Header
                from jose import jwt

                def current_user(request):
                    return request.headers["X-User-Id"]

                def roles(request):
                    return request.headers.get(
                        "X-Roles", "")

                def django_user(request):
                    return request.META["HTTP_X_FORWARDED_EMAIL"]

                def handler(event, context):
                    user = event["headers"]["x-user-id"]
                    claims = jwt.get_unverified_claims(event["token"])
                    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1]))

                def route(x_user_id: str = Header(None)):
                    return x_user_id
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:7: identity taken from the request header x-user-id",
            "app/auth.py:11: identity taken from the request header x-roles",
            "app/auth.py:14: identity taken from the request header x-forwarded-email",
            "app/auth.py:17: identity taken from the request header x-user-id",
            "app/auth.py:18: claims read from an unverified token: jwt.get_unverified_claims(...)",
            "app/auth.py:19: JWT payload decoded by hand without verifying the signature:"
                + " base64.urlsafe_b64decode(...split(\".\")[1])",
            "app/auth.py:21: identity taken from the request header x-user-id (FastAPI"
                + " Header())");
  }

  @Test
  void otherHeadersCommentsStringsResponsesAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/ok.py",
                """
                # user = request.headers["X-User-Id"]
                DOC = 'read request.headers["X-User-Id"] only behind the proxy'

                def handler(request, response):
                    rid = request.headers.get("X-Request-Id")
                    agent = request.headers["User-Agent"]
                    response.headers["X-User-Id"] = "42"
                    return {"X-Roles": "none"}
                """)
            .file("tests/test_auth.py", "def t(r):\n    return r.headers['X-User-Id']\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
