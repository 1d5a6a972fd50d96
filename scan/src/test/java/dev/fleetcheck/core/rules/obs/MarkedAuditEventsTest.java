package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkedAuditEventsTest {

  @TempDir Path dir;
  private final MarkedAuditEvents rule = new MarkedAuditEvents();

  private static final String DENIES = "from flask import abort\ndef v():\n    abort(403)\n";

  @Test
  void auditLogsWithoutTheMarkerFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/views.py", DENIES)
            .file(
                "app/audit.py",
                """
                import logging
                log = logging.getLogger("audit")
                log.info("AUDIT: user denied")
                log.info("Audit trail", extra={"event": "security.audit"})
                log.info("security.audit", extra={"outcome": "denied"})
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly("app/audit.py:3: audit log without the security.audit marker");
  }

  @Test
  void noAuditEventGivesWayToTheDenialRule() {
    Path repo = FixtureRepo.in(dir).python().file("app/views.py", DENIES).build();

    Outcome outcome = check(rule, repo, Profile.API);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-OBS-053").contains("FAIL, 1");
  }

  @Test
  void markedAuditStaysManualAndAnApiThatNeitherAuthenticatesNorDeniesIsNotApplicable() {
    Path marked =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("app/views.py", DENIES)
            .file("app/audit.py", "import logging\nlogging.info('security.audit')\n")
            .build();
    Path plain =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/audit.py", "import logging\nlogging.info('audit done')\n")
            .build();

    assertNoEvidentViolation(check(rule, marked, Profile.API));
    assertThat(check(rule, plain, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
