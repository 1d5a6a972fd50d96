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

class DefaultFlaskErrorsTest {

  @TempDir Path dir;

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
  void anAliasedFlaskAppIsStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("api/other.py", "def helper():\n    return 1\n")
            .file(
                "api/app.py",
                """
                from flask import Flask as Application
                app = Application(__name__)
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
