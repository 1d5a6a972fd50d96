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

class AuditedPersonalDataTest {

  @TempDir Path dir;
  private final AuditedPersonalData rule = new AuditedPersonalData();

  @Test
  void auditEventsWithPersonalDataFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/audit.py",
                """
                import logging
                import structlog

                audit = logging.getLogger("security.audit")
                log = structlog.get_logger()

                def denied(user, request):
                    audit.warning(
                        "denied",
                        extra={"user_id": user.id, "email": user.email},
                    )
                    log.warning("security.audit", reason="forbidden", ip=request.client.host)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/audit.py:8: security.audit event carries personal data (email)",
            "app/audit.py:12: security.audit event carries personal data (ip)");
  }

  @Test
  void auditEventsWithIdsOtherLogsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/audit.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def denied(user):
                    log.warning("security.audit", extra={"user_id": user.id, "route": "/x"})
                    log.info("login", extra={"email": user.email})
                    text = "log.warning('security.audit', email=e)"
                """)
            .file(
                "tests/test_audit.py",
                "import logging\nlogging.warning(\"security.audit\", extra={\"email\": e})\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
