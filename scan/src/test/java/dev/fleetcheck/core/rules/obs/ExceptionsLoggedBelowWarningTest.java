package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExceptionsLoggedBelowWarningTest {

  @TempDir Path dir;
  private final ExceptionsLoggedBelowWarning rule = new ExceptionsLoggedBelowWarning();

  @Test
  void exceptionsAtDebugOrInfoAndNoTraceAnywhereFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def a():
                    try:
                        work()
                    except KeyError as e:
                        log.info(f"no key {e}")
                    except ValueError as err:
                        log.debug("bad %s", err.args)
                    except Exception as exc:
                        log.error("failed: %s", exc)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactlyInAnyOrder(
            "app/api.py:8: the caught exception is logged at info level",
            "app/api.py:10: the caught exception is logged at debug level",
            "app/api.py:8: exceptions are logged without their trace: no logger.exception or"
                + " exc_info= anywhere in product code");
  }

  @Test
  void warningOrErrorWithTraceAndUnrelatedInfoLogsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def a():
                    try:
                        work()
                    except KeyError as e:
                        log.warning("recovered %s", e)
                        log.info("falling back to the default")
                    except Exception:
                        log.exception("failed")
                        raise
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }

  @Test
  void handlersThatRaiseAfterTheLogOrAlsoLogAtErrorAreNotFlagged() {
    // keystone: a DEBUG detail before a translated raise, and a DEBUG trace next to a CRITICAL.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import logging
                LOG = logging.getLogger(__name__)

                def validate(token_id):
                    try:
                        return check(token_id)
                    except Unauthorized as e:
                        LOG.debug('Unable to validate token: %s', e)
                        raise TokenNotFound(token_id=token_id)

                def enforce(action):
                    try:
                        extract()
                    except Exception as e:
                        LOG.debug(e, exc_info=True)
                        if strict():
                            cleanup()
                        raise ForbiddenAction(action=action)

                def fail_gracefully(f):
                    try:
                        return f()
                    except Exception as e:
                        LOG.debug(e, exc_info=True)
                        LOG.critical(e)
                        sys.exit(1)

                def archive(msg):
                    try:
                        add(msg)
                    except DuplicateMessage as e:
                        LOG.info("Duplicate email with message-id '%s'", e.args[0])
                    except OSError as e:
                        if retry():
                            LOG.debug("retrying after %s", e)
                            return None
                        raise
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/api.py:32: the caught exception is logged at info level",
            "app/api.py:35: the caught exception is logged at debug level");
  }
}
