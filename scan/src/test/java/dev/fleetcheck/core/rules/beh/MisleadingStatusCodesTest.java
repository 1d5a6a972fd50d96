package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MisleadingStatusCodesTest {

  @TempDir Path dir;

  @Test
  void statusesThatContradictTheirMessageFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import HTTPException, status
                from fastapi.responses import JSONResponse
                from flask import abort

                def a():
                    raise HTTPException(status_code=500, detail="Item not found")

                def b():
                    raise HTTPException(
                        status_code=status.HTTP_400_BAD_REQUEST,
                        detail="User already exists",
                    )

                def c():
                    return JSONResponse(content={"detail": "Rate limit exceeded"}, status_code=403)

                def d():
                    abort(200, "order does not exist")
                """)
            .build();

    assertThat(findings(check(new MisleadingStatusCodes(), repo, Profile.API)))
        .containsExactly(
            "app/api.py:6: status 500 for \"Item not found\": a client fault reported as a server"
                + " error (use 4xx)",
            "app/api.py:9: status 400 for \"User already exists\": a conflict should be 409",
            "app/api.py:15: status 403 for \"Rate limit exceeded\": a rate limit should be 429",
            "app/api.py:18: status 200 for \"order does not exist\": not found should be 404");
  }

  @Test
  void matchingStatusesAndClientFaultsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import HTTPException

                def a():
                    raise HTTPException(status_code=404, detail="Item not found")
                    raise HTTPException(400, "Header X-Tenant not found")
                    raise HTTPException(status_code=401, detail="user not found or bad password")
                    raise HTTPException(status_code=500, detail="Upstream failed")
                    raise HTTPException(status_code=409, detail=f"{name} already exists")
                    raise HTTPException(status_code=code, detail="not found")
                """)
            .file(
                "tests/test_api.py",
                "from fastapi import HTTPException\nHTTPException(500, 'invalid')\n")
            .build();

    assertNoEvidentViolation(check(new MisleadingStatusCodes(), repo, Profile.API));
  }
}
