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
  void eachKindIsFoundInAModuleThatHoldsNothingElse() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/lambda_event.py",
                """
                def handler(event, context):
                    return event["Headers"]["X-Remote-User"]
                """)
            .file(
                "app/django_meta.py",
                """
                def view(request):
                    return request.META.get("HTTP_X_USER")
                """)
            .file(
                "app/claims.py",
                """
                from jose import jwt

                def claims(token):
                    return jwt.get_unverified_claims(token)
                """)
            .file(
                "app/decode.py",
                """
                from base64 import b64decode

                def payload(token):
                    return b64decode(token.split(".")[1])
                """)
            .file(
                "app/route.py",
                """
                import fastapi

                def route(user: str = fastapi.Header(None, alias="X-Email")):
                    return user
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactlyInAnyOrder(
            "app/claims.py:4: claims read from an unverified token: jwt.get_unverified_claims(...)",
            "app/decode.py:4: JWT payload decoded by hand without verifying the signature:"
                + " b64decode(...split(\".\")[1])",
            "app/django_meta.py:2: identity taken from the request header x-user",
            "app/lambda_event.py:2: identity taken from the request header x-remote-user",
            "app/route.py:3: identity taken from the request header X-Email (FastAPI Header())");
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
