package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsWithSuccessStatusTest {

  @TempDir Path dir;
  private final ErrorsWithSuccessStatus rule = new ErrorsWithSuccessStatus();

  @Test
  void lambdaAndRouteResponsesThatSayErrorWithStatus200Fail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                """
                import json

                def lambda_handler(event, context):
                    try:
                        work(event)
                    except Exception:
                        return {"statusCode": 200, "body": "failed"}
                    if not event:
                        return {
                            "statusCode": 200,
                            "body": json.dumps({"error": "empty"}),
                        }
                    return {"statusCode": 200, "body": json.dumps({"ok": True})}
                """)
            .file(
                "web/routes.py",
                """
                from flask import Flask, jsonify
                from fastapi import APIRouter
                app = Flask(__name__)
                router = APIRouter()

                @app.route("/a")
                def a():
                    return jsonify(error="nope")

                @router.get("/b")
                async def b():
                    return {"success": False, "reason": "x"}

                @app.get("/c")
                def c():
                    return jsonify({"errors": []})
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API, Profile.LAMBDA)))
        .containsExactly(
            "fn/app.py:7: statusCode 200 returned from an except clause",
            "fn/app.py:10: statusCode 200 with an error body",
            "web/routes.py:8: route a returns an error body with status 200",
            "web/routes.py:12: route b returns an error body with status 200",
            "web/routes.py:16: route c returns an error body with status 200");
  }

  @Test
  void keysSpelledWithEscapesAreStillRead() {
    // The literal test before decoding must let through keys whose text spells them by escapes.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                """
                def lambda_handler(event, context):
                    return {"status\\x43ode": 200, "\\x65rror": "empty"}
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API, Profile.LAMBDA)))
        .containsExactly("fn/app.py:2: statusCode 200 with an error body");
  }

  @Test
  void errorsWithStatusesNonRoutesStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                """
                import json
                def lambda_handler(event, context):
                    try:
                        work(event)
                    except Exception:
                        return {"statusCode": 500, "body": json.dumps({"error": "x"})}
                    doc = '{"statusCode": 200, "error": 1}'
                    return {"statusCode": 200, "body": json.dumps({"ok": True})}
                """)
            .file(
                "web/routes.py",
                """
                from flask import Flask, jsonify
                from fastapi import APIRouter, Response
                app = Flask(__name__)
                router = APIRouter()

                @app.route("/a")
                def a():
                    return jsonify(error="nope"), 400

                @router.get("/b")
                def b(response: Response):
                    response.status_code = 409
                    return {"error": "conflict"}

                def helper():
                    return {"error": "not a route"}
                """)
            .file(
                "tests/test_app.py",
                "def lambda_handler(e, c):\n    return {'statusCode': 200, 'error': 1}\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API, Profile.LAMBDA));
  }
}
