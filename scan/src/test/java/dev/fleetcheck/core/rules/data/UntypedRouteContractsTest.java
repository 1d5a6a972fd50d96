package dev.fleetcheck.core.rules.data;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UntypedRouteContractsTest {

  @TempDir Path dir;
  private final UntypedRouteContracts rule = new UntypedRouteContracts();

  @Test
  void routesWithoutAResponseModelOrReturnAnnotationFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/routes.py",
                """
                from fastapi import APIRouter, FastAPI

                app = FastAPI()
                router = APIRouter(prefix="/items")

                @app.get("/health")
                def health():
                    return {"ok": True}

                @router.post(
                    "/",
                    status_code=201,
                )
                async def create(item: dict):
                    return item
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/routes.py:7: route health declares no response model (response_model= or a"
                + " return annotation)",
            "app/routes.py:14: route create declares no response model (response_model= or a"
                + " return annotation)");
  }

  @Test
  void declaredContractsExemptRoutesOtherDecoratorsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/routes.py",
                """
                import requests
                from fastapi import APIRouter
                from fastapi.responses import JSONResponse

                router = APIRouter()

                @router.get("/a", response_model=Item)
                def a():
                    return {}

                @router.get("/b")
                def b() -> Item:
                    return Item()

                @router.delete("/c", status_code=204)
                def c():
                    pass

                @router.get("/d")
                def d():
                    return JSONResponse({})

                @other.get("/e")
                def e():
                    return requests.get("https://x.io/e")
                """)
            .file(
                "tests/test_routes.py",
                "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/t')\ndef t():\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
