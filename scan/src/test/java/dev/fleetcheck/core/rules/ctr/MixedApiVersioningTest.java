package dev.fleetcheck.core.rules.ctr;

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

class MixedApiVersioningTest {

  @TempDir Path dir;

  @Test
  void versionedAndUnversionedRoutesTogetherFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import FastAPI, APIRouter

                app = FastAPI()
                users = APIRouter(prefix="/v1/users")

                @users.get("/{id}")
                def user(id: int):
                    return {}

                @app.get("/orders")
                def orders():
                    return []

                @app.get("/api/v2/items")
                def items():
                    return []

                @app.get("/health")
                def health():
                    return "ok"
                """)
            .build();

    assertThat(findings(check(new MixedApiVersioning(), repo, Profile.API)))
        .containsExactly(
            "app/api.py:10: /orders is unversioned while /v1/users/{id} is versioned",
            "app/api.py:14: /api/v2/items puts its version at another depth than /v1/users/{id}");
  }

  @Test
  void consistentOrMountedRoutesStayManualAndNoVersionIsNotApplicable() {
    Path consistent =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/api.py",
                """
                from flask import Flask
                app = Flask(__name__)

                @app.route("/v1/a")
                def a():
                    return ""

                @app.route("/v2/b")
                def b():
                    return ""

                @app.route("/healthz")
                def h():
                    return ""
                """)
            .build();
    Path mounted =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import FastAPI, APIRouter
                app = FastAPI()
                router = APIRouter()

                @router.get("/items")
                def items():
                    return []

                @app.get("/v1/other")
                def other():
                    return []

                app.include_router(router, prefix="/v1")
                """)
            .build();
    Path plain =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file(
                "app/api.py",
                "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/items')\ndef i():\n    pass\n")
            .build();

    assertNoEvidentViolation(check(new MixedApiVersioning(), consistent, Profile.API));
    assertNoEvidentViolation(check(new MixedApiVersioning(), mounted, Profile.API));
    assertThat(check(new MixedApiVersioning(), plain, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
