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

class ExceptionTextInResponsesTest {

  @TempDir Path dir;
  private final ExceptionTextInResponses rule = new ExceptionTextInResponses();

  @Test
  void exceptionTextInBroadOr5xxResponsesFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import json
                import traceback
                from fastapi import HTTPException
                from fastapi.responses import JSONResponse

                def read(x):
                    try:
                        return x()
                    except Exception as exc:
                        raise HTTPException(
                            status_code=500,
                            detail=str(exc),
                        )

                def write(x):
                    try:
                        return x()
                    except KeyError as err:
                        return JSONResponse({"error": f"failed: {err}"}, status_code=500)

                def handler(event, context):
                    try:
                        return {"statusCode": 200, "body": "ok"}
                    except Exception:
                        return {"statusCode": 500, "body": json.dumps({"trace": traceback.format_exc()})}
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/api.py:10: the response carries the caught exception's text: HTTPException(...)"
                + " in an except clause",
            "app/api.py:19: the response carries the caught exception's text: JSONResponse(...)"
                + " in an except clause",
            "app/api.py:25: the response carries the caught exception's text: json.dumps(...) in"
                + " an except clause");
  }

  @Test
  void validationMessagesFixedTextsLogsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import logging
                from fastapi import HTTPException
                log = logging.getLogger(__name__)

                def read(x):
                    try:
                        return x()
                    except ValueError as exc:
                        raise HTTPException(status_code=422, detail=str(exc))
                    except Exception as exc:
                        log.exception("read failed: %s", exc)
                        raise HTTPException(status_code=500, detail="internal error")
                # except Exception as e: return JSONResponse(str(e), status_code=500)
                """)
            .file(
                "tests/test_api.py",
                "try:\n    x()\nexcept Exception as e:\n    HTTPException(500, str(e))\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
