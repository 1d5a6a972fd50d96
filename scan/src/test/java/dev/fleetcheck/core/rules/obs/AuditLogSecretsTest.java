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

class AuditLogSecretsTest {

  @TempDir Path dir;
  private final AuditLogSecrets rule = new AuditLogSecrets();

  @Test
  void secretFieldsInAuditCallsFailOnceAcrossTheF1Home() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/audit.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def login(user, password, access_token):
                    log.info("security.audit", extra={"api_key": user.key, "outcome": "ok"})
                    audit_event("login", token=user.token)
                    log.info("security.audit", password)
                    log.info("security.audit", extra={"token_count": 2, "outcome": "ok"})
                """)
            .build();

    // Line 7 is PY-SEC-051's finding (a secret-like value in a log call): judged there once.
    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/audit.py:5: audit event log.info(...) carries the secret-like field api_key",
            "app/audit.py:6: audit event audit_event(...) carries the secret-like field token");
  }

  @Test
  void cleanAuditStaysManualAndNoAuditIsNotApplicable() {
    Path clean =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/audit.py",
                "import logging\nlogging.info('security.audit', extra={'token_id': 't1'})\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/audit.py", "def audit(password):\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, clean, Profile.API));
    assertThat(check(rule, none, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
