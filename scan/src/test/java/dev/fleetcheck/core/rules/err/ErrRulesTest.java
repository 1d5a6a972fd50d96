package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrRulesTest {

  @TempDir Path dir;

  @Test
  void unconditionalTracebacksInCliHandlersFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import traceback
                from rich.console import Console
                console = Console()

                def main(args):
                    try:
                        run()
                    except Exception:
                        traceback.print_exc()
                        return 1
                    try:
                        run()
                    except ValueError:
                        print(
                            traceback.format_exc())
                    try:
                        run()
                    except OSError:
                        console.print_exception()
                """)
            .build();

    assertThat(findings(check(new UnconditionalTracebacks(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:9: traceback.print_exc prints a traceback on every error, not only in"
                + " debug mode",
            "tool/cli.py:14: print prints a traceback on every error, not only in debug mode",
            "tool/cli.py:19: console.print_exception prints a traceback on every error, not only"
                + " in debug mode");
  }

  @Test
  void tracebacksUnderDebugSwitchesOutsideHandlersInStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import traceback, logging

                def main(args):
                    try:
                        run()
                    except Exception:
                        if args.debug:
                            traceback.print_exc()
                        else:
                            print("error")
                            traceback.print_exc() if False else None
                    try:
                        run()
                    except KeyError:
                        if logging.getLogger().level <= logging.DEBUG: traceback.print_exc()
                        msg = "traceback.print_exc()"
                    traceback.print_exc()
                """)
            .file(
                "tests/test_cli.py",
                """
                import traceback
                try:
                    x()
                except Exception:
                    traceback.print_exc()
                """)
            .build();

    assertNoEvidentViolation(check(new UnconditionalTracebacks(), repo, Profile.CLI));
  }

  @Test
  void errorCodeAndCorrelationIdAbsentFailPresentStayManual() {
    Path absent =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "api/app.py",
                """
                # error_code and correlation_id only in a comment
                from fastapi import FastAPI
                app = FastAPI()
                note = "see the error_code docs"
                """)
            .file("tests/test_app.py", "body = {'error_code': 'X', 'correlation_id': 'c'}\n")
            .build();
    assertThat(findings(check(new MissingErrorCodes(), absent, Profile.API)))
        .containsExactly(
            "no error_code field anywhere in API code or OpenAPI files: error bodies lack it");
    assertThat(findings(check(new MissingCorrelationIds(), absent, Profile.API)))
        .containsExactly(
            "no correlation_id field anywhere in API code or OpenAPI files: error bodies lack it");

    Path present =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "api/errors.py",
                """
                from pydantic import BaseModel
                class Problem(BaseModel):
                    errorCode: str
                def body(request):
                    return {"correlation_id": request.state.cid}
                """)
            .build();
    assertNoEvidentViolation(check(new MissingErrorCodes(), present, Profile.API));
    assertNoEvidentViolation(check(new MissingCorrelationIds(), present, Profile.API));

    Path openapi =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("api/app.py", "app = 1\n")
            .file(
                "openapi.yaml",
                "components:\n  schemas:\n    E:\n      properties:\n        error_code: {}\n")
            .build();
    assertNoEvidentViolation(check(new MissingErrorCodes(), openapi, Profile.API));
    assertThat(
            check(
                    new MissingErrorCodes(),
                    FixtureRepo.in(dir.resolve("d")).python().build(),
                    Profile.API)
                .status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void plainFlaskWithoutErrorHandlerFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/app.py",
                """
                from flask import Flask, jsonify
                app = Flask(__name__)

                @app.get("/items")
                def items():
                    return jsonify({"items": [], "note": "message"})
                """)
            .build();

    assertThat(findings(check(new DefaultFlaskErrors(), repo, Profile.API)))
        .containsExactly(
            "api/app.py:2: Flask app with no error handler: errors are HTML pages without a"
                + " message field");
  }

  @Test
  void flaskWithHandlersMessagesOrJsonExtensionsStaysManual() {
    Path handler =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "api/app.py",
                """
                import flask
                app = flask.Flask(__name__)
                @app.errorhandler(404)
                def missing(e):
                    return {"error": "not found"}, 404
                """)
            .build();
    assertNoEvidentViolation(check(new DefaultFlaskErrors(), handler, Profile.API));

    Path message =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("api/app.py", "from flask import Flask\napp = Flask(__name__)\n")
            .file("api/errors.py", "def body(e):\n    return {'message': str(e)}\n")
            .build();
    assertNoEvidentViolation(check(new DefaultFlaskErrors(), message, Profile.API));

    Path restful =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file(
                "api/app.py",
                "from flask import Flask\nfrom flask_restful import Api\napp = Flask(__name__)\n")
            .build();
    assertNoEvidentViolation(check(new DefaultFlaskErrors(), restful, Profile.API));

    Path fastapi =
        FixtureRepo.in(dir.resolve("d"))
            .python()
            .file("api/app.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .build();
    assertNoEvidentViolation(check(new DefaultFlaskErrors(), fastapi, Profile.API));
  }
}
