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

class AuditEventFieldsTest {

  @TempDir Path dir;
  private final AuditEventFields rule = new AuditEventFields();

  @Test
  void auditCallsAndHelperCallSitesMissingFieldsOrCarryingIdentityFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/audit.py",
                """
                import structlog
                log = structlog.get_logger()

                def audit(**fields):
                    log.info("security.audit", actor_type="user", **fields)

                def direct(rid):
                    log.warning("security.audit", actor_type="service", role="admin",
                                operation="purge", outcome="ok", request_id=rid,
                                email="a@b.c")
                """)
            .file(
                "app/views.py",
                """
                from app.audit import audit
                def purge(rid):
                    audit(role="admin", operation="purge", outcome="denied", requestId=rid)
                    audit(operation="login")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/audit.py:8: audit event carries the identity field(s) email",
            "app/views.py:4: audit event lacks role, outcome, request_id");
  }

  @Test
  void completeOrUnseenFieldsStayManualAndNoAuditIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/audit.py",
                """
                import logging
                logging.info("security.audit", extra={"actorType": "user", "role": "r",
                    "operation": "o", "outcome": "ok", "request_id": "x"})
                logging.info("security.audit", extra=fields)
                """)
            .build();
    Path none = FixtureRepo.in(dir.resolve("b")).python().file("app/x.py", "x = 1\n").build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
    assertThat(check(rule, none, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
