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

class AuthStatusMismatchTest {

  @TempDir Path dir;
  private final AuthStatusMismatch rule = new AuthStatusMismatch();

  @Test
  void authenticationAndPermissionFailuresWithTheWrongStatusFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/deps.py",
                """
                from fastapi import HTTPException, status
                from fastapi.responses import JSONResponse
                from flask import abort

                def current_user(token):
                    if token is None:
                        raise HTTPException(
                            status_code=status.HTTP_403_FORBIDDEN,
                            detail="Not authenticated",
                        )
                    if expired(token):
                        return JSONResponse({"detail": "Token expired"}, status_code=400)

                def require_admin(user):
                    if not user.admin:
                        abort(401, "Not enough permissions")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/deps.py:7: HTTPException(...) answers \"Not authenticated\" with 403, expected 401",
            "app/deps.py:12: JSONResponse(...) answers \"Token expired\" with 400, expected 401",
            "app/deps.py:16: abort(...) answers \"Not enough permissions\" with 401, expected 403");
  }

  @Test
  void rightStatusesOtherMessagesNonLiteralStatusesAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/deps.py",
                """
                from fastapi import HTTPException
                from http import HTTPStatus

                def check(token, user, code):
                    raise HTTPException(401, "Could not validate credentials")
                    raise HTTPException(status_code=HTTPStatus.FORBIDDEN, detail="Forbidden")
                    raise HTTPException(404, "Access denied")
                    raise HTTPException(405, "Method not allowed")
                    raise HTTPException(code, "Invalid token")
                    raise HTTPException(400, "Invalid payload")
                """)
            .file(
                "tests/test_deps.py",
                "from fastapi import HTTPException\nHTTPException(403, \"Not authenticated\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
