package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkObjectsInDomainTest {

  @TempDir Path dir;

  @Test
  void frameworkObjectsInBusinessModulesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/services/orders.py",
                "from fastapi import Request, Depends\nfrom starlette.responses import JSONResponse\n")
            .file("app/crud.py", "from django.http import HttpRequest\n")
            .file("app/routes.py", "from fastapi import Request\n")
            .file("app/services/pure.py", "from fastapi import Depends\n")
            .build();

    assertThat(findings(check(new FrameworkObjectsInDomain(), repo, Profile.API)))
        .containsExactly(
            "app/crud.py: business-layer module imports framework objects: django.http.HttpRequest",
            "app/services/orders.py: business-layer module imports framework objects:"
                + " fastapi.Request, starlette.responses.JSONResponse");

    Path clean =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("app/routes.py", "from fastapi import Request\n")
            .file("tests/services/test_x.py", "from fastapi import Request\n")
            .build();
    assertNoEvidentViolation(check(new FrameworkObjectsInDomain(), clean, Profile.API));
  }
}
