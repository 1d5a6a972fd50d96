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

class BaselineEventNamesTest {

  @TempDir Path dir;
  private final BaselineEventNames rule = new BaselineEventNames();

  @Test
  void noBaselineNameInProductCodeFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/main.py",
                """
                import logging
                log = logging.getLogger(__name__)
                # log.info("request.start")
                def handle():
                    log.info("handling request.start")
                    log.info("request.begin")
                """)
            .file("tests/test_main.py", "log.info('request.start')\n")
            .file("docs/conf.py", "EVENT = 'security.audit'\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "no baseline event name (request.start, request.end, dependency.call,"
                + " dependency.error, security.audit) occurs in product code");
  }

  @Test
  void anyBaselineNameStaysManualAndNoCodeIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("app/events.py", "AUDIT = {'event': 'security.audit'}\n")
            .build();
    Path empty = FixtureRepo.in(dir.resolve("b")).python().build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
    assertThat(check(rule, empty, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
