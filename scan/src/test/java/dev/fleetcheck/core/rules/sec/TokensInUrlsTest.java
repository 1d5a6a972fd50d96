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

class TokensInUrlsTest {

  @TempDir Path dir;
  private final TokensInUrls rule = new TokensInUrls();

  @Test
  void tokensReadFromTheQueryStringFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/main.py",
                """
                from fastapi import FastAPI, Query
                from fastapi.security import APIKeyQuery

                api_key = APIKeyQuery(name="api_key")

                @app.get("/items")
                def items(access_token: str = Query(...)):
                    return []
                """)
            .file(
                "web/views.py",
                "from flask import request\n\ndef view():\n    t = request.args.get(\"token\")\n")
            .file(
                "fn/handler.py",
                "def handler(event, context):\n"
                    + "    key = event[\"queryStringParameters\"][\"apikey\"]\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/main.py:4: APIKeyQuery takes the API key from the query string",
            "app/main.py:7: the token \"access_token\" is read from the query string",
            "fn/handler.py:2: the token \"apikey\" is read from the query string",
            "web/views.py:4: the token \"token\" is read from the query string");
  }

  @Test
  void headerTokensOtherQueryKeysStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/views.py",
                """
                from flask import request

                def view():
                    t = request.headers.get("token")
                    page = request.args.get("page")
                    doc = "request.args.get('token')"
                """)
            .file("tests/test_views.py", "t = request.args.get(\"token\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
