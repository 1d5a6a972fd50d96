package dev.fleetcheck.core.rules.obs;

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

class ExportAuditTest {

  @TempDir Path dir;
  private final ExportAudit rule = new ExportAudit();

  @Test
  void exportRoutesWithoutAuditFail() {
    Path byName =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/reports")
                def download_reports():
                    return []
                """)
            .build();
    Path byPath =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/urls.py",
                "from django.urls import path\nurlpatterns = [path('users/export/', views.x)]\n")
            .build();

    assertThat(findings(check(rule, byName, Profile.API)))
        .containsExactly(
            "app/api.py:5: route download_reports exports data, and the event security.audit"
                + " occurs nowhere in product code");
    assertThat(findings(check(rule, byPath, Profile.API)))
        .containsExactly(
            "app/urls.py:2: route users/export/ exports data, and the event security.audit"
                + " occurs nowhere in product code");
  }

  @Test
  void auditedExportsStayManualAndOtherRoutesAreNotApplicable() {
    Path audited =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/api.py",
                """
                import logging
                @app.post("/bulk")
                def load():
                    logging.info("loaded", extra={"event": "security.audit"})
                """)
            .build();
    Path plain =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/api.py",
                "@app.get('/items')\ndef items():\n    pass\n\ndef export_csv():\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, audited, Profile.API));
    assertThat(check(rule, plain, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
