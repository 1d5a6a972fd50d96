package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedAndReraisedTest {

  @TempDir Path dir;
  private final LoggedAndReraised rule = new LoggedAndReraised();

  @Test
  void errorLogsFollowedByAnUnchangedReraiseFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/service.py",
                """
                import logging
                logger = logging.getLogger(__name__)

                def a():
                    try:
                        work()
                    except ValueError:
                        logger.exception("work failed")
                        raise

                def b():
                    try:
                        work()
                    except Exception as exc:
                        logger.error(
                            "work failed: %s", exc)
                        if retry():
                            raise exc
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/service.py:8: the exception is logged at EXCEPTION and re-raised unchanged: it"
                + " will be logged again upstream",
            "app/service.py:15: the exception is logged at ERROR and re-raised unchanged: it will"
                + " be logged again upstream");
  }

  @Test
  void wrappedLoggedBelowErrorOrNotReraisedStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/service.py",
                """
                import logging
                logger = logging.getLogger(__name__)

                def a():
                    try:
                        work()
                    except ValueError as e:
                        logger.exception("work failed")
                        raise AppError("work") from e

                def b():
                    try:
                        work()
                    except KeyError as e:
                        logger.warning("missing %s", e)
                        raise

                def c():
                    try:
                        work()
                    except OSError:
                        logger.error("retrying")  # raise
                        return None
                    raise
                """)
            .file(
                "tests/test_s.py",
                "try:\n    x()\nexcept Exception:\n    logger.exception('x')\n    raise\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void aRaiseInAnotherBranchThanTheLogIsNotAReraiseOfTheLoggedException() {
    // trio's accept loop: the capacity errors are logged and retried, the others re-raised.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/serve.py",
                """
                import logging
                LOGGER = logging.getLogger(__name__)

                async def serve(listener):
                    while True:
                        try:
                            stream = await listener.accept()
                        except OSError as exc:
                            if exc.errno in CAPACITY:
                                LOGGER.error(
                                    "accept returned %s; retrying",
                                    exc.errno,
                                    exc_info=True,
                                )
                                await sleep(1)
                            elif exc.errno == 0:
                                LOGGER.error("odd: %s", exc)
                                return
                            else:
                                raise

                def load():
                    try:
                        work()
                    except KeyError as e:
                        if full():
                            logger.exception("load failed")
                            return None
                        raise
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void aRaiseAfterTheBranchHoldingTheLogStillFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/history.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def read(self):
                    try:
                        return self.query()
                    except DatabaseError as e:
                        log.error("Failed to open history (%s).", e)
                        if self.file != ":memory:":
                            self.reset()
                            return []
                        else:
                            raise

                def write(self):
                    try:
                        self.store()
                    except DatabaseError as e:
                        if self.strict:
                            log.exception("store failed")
                        else:
                            self.count += 1
                        raise
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/history.py:8: the exception is logged at ERROR and re-raised unchanged: it will"
                + " be logged again upstream",
            "app/history.py:20: the exception is logged at EXCEPTION and re-raised unchanged: it"
                + " will be logged again upstream");
  }

  @Test
  void aTranslatingRaiseOnTheLogsPathOrARebindingOfTheNameIsNotAnUnchangedReraise() {
    // mkdocs: the BuildError is logged and Abort raised; only other errors reach the bare raise.
    // keystone: the caught name is bound to a new error before `raise error`.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/build.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def build(config):
                    try:
                        run(config)
                    except Exception as e:
                        if isinstance(e, BuildError):
                            log.error(str(e))
                            raise Abort("Aborted with a BuildError!")
                        raise

                def token(request):
                    try:
                        return issue(request)
                    except Exception as error:
                        error = OAuth2OtherError(500, str(error))
                        log.exception(error)
                        raise error

                def keep(request):
                    try:
                        return issue(request)
                    except Exception as error:
                        log.exception(error)
                        if error == other:
                            pass
                        raise error
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/build.py:25: the exception is logged at EXCEPTION and re-raised unchanged: it"
                + " will be logged again upstream");
  }
}
