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

class MissingErrorCodesTest {

  @TempDir Path dir;

  @Test
  void errorCodeAbsentFailsPresentInCodeOrOpenApiStaysManual() {
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
}
