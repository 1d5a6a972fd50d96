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

class LeakedRequestHeadersTest {

  @TempDir Path dir;
  private final LeakedRequestHeaders rule = new LeakedRequestHeaders();

  @Test
  void responsesEchoingCredentialsOrHeaderMapsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/debug.py",
                """
                import json
                from fastapi.responses import JSONResponse
                from flask import jsonify

                def echo(request):
                    return JSONResponse({"headers": dict(request.headers)})

                def whoami(request):
                    return jsonify(
                        token=request.headers.get("Authorization"),
                    )

                def cookies(request):
                    return make_response(request.cookies)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/debug.py:6: JSONResponse(...) puts the whole request.headers mapping in the"
                + " response",
            "app/debug.py:9: jsonify(...) puts the inbound Authorization value in the response",
            "app/debug.py:14: make_response(...) puts the whole request.cookies mapping in the"
                + " response");
  }

  @Test
  void singleNonCredentialHeadersStringsLogsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/debug.py",
                """
                from fastapi.responses import JSONResponse

                def echo(request):
                    rid = request.headers.get("x-request-id")
                    log.info("headers %s", request.headers)
                    return JSONResponse({"id": request.headers.get("x-request-id"), "d": "request.headers"})
                """)
            .file(
                "tests/test_debug.py",
                "from flask import jsonify\njsonify(dict(request.headers))\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
