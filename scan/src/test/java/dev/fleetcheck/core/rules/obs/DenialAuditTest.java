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

class DenialAuditTest {

  @TempDir Path dir;
  private final DenialAudit rule = new DenialAudit();

  @Test
  void forbiddenResponsesWithoutAuditFail() {
    Path flask =
        FixtureRepo.in(dir.resolve("flask"))
            .python()
            .file(
                "app/views.py",
                "from flask import abort\n\ndef view(user):\n    if not user:\n        abort(403)\n")
            .build();
    Path fastapi =
        FixtureRepo.in(dir.resolve("fastapi"))
            .python()
            .file(
                "app/deps.py",
                """
                from fastapi import HTTPException, status
                def check(ok):
                    if not ok:
                        raise HTTPException(
                            status_code=status.HTTP_403_FORBIDDEN)
                """)
            .build();
    Path lambda =
        FixtureRepo.in(dir.resolve("lambda"))
            .python()
            .file(
                "app/handler.py",
                "def handler(event, context):\n    return {\"statusCode\": 403, \"body\": \"\"}\n")
            .build();

    assertThat(findings(check(rule, flask, Profile.API)))
        .containsExactly(
            "app/views.py:5: abort(...) denies with 403, and the event security.audit occurs"
                + " nowhere in product code");
    assertThat(findings(check(rule, fastapi, Profile.API))).hasSize(1);
    assertThat(findings(check(rule, lambda, Profile.API)))
        .containsExactly(
            "app/handler.py:2: requests can be denied (statusCode), and the event security.audit"
                + " occurs nowhere in product code");
  }

  @Test
  void auditedDenialsStayManualAndNoDenialIsNotApplicable() {
    Path audited =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/views.py",
                """
                from django.core.exceptions import PermissionDenied
                import logging
                log = logging.getLogger(__name__)
                def view(request):
                    log.warning("security.audit", extra={"outcome": "denied"})
                    raise PermissionDenied
                """)
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/views.py", "def view():\n    return {'statusCode': 404}  # 403\n")
            .build();

    assertNoEvidentViolation(check(rule, audited, Profile.API));
    assertThat(check(rule, none, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void anImportedDenialIsNamedOnItsImportLine() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/views.py",
                """
                # Copyright (C) by the authors.
                import json

                from django.core.exceptions import PermissionDenied

                def view(request):
                    if not request.user.is_authenticated:
                        raise PermissionDenied
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/views.py:4: imports PermissionDenied: requests can be denied, and the event"
                + " security.audit occurs nowhere in product code");
  }
}
