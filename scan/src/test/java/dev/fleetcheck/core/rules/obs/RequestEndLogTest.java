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

class RequestEndLogTest {

  @TempDir Path dir;
  private final RequestEndLog rule = new RequestEndLog();

  @Test
  void requestEndNowhereFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "import logging\nlogging.info('request.ended')\n")
            .file("tests/test_mw.py", "import logging\nlogging.info('request.end')\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly("the event request.end occurs nowhere in product code");
  }

  @Test
  void requestEndWithoutStatusOrDurationFailsPerCall() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/mw.py",
                """
                import structlog
                log = structlog.get_logger()
                END = "request.end"

                async def middleware(request, call_next):
                    response = await call_next(request)
                    log.info("request.end", status_code=response.status_code)
                    log.info(END,
                             extra={"duration_ms": 3})
                    log.info(event="request.end", statusCode=200, durationMs=4)
                    log.info("request.end", **fields)
                    return response
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/mw.py:7: request.end is logged without duration_ms",
            "app/mw.py:8: request.end is logged without status_code");
  }

  @Test
  void completeRequestEndStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/mw.py",
                """
                import logging
                logger = logging.getLogger("api")
                def after(response, started):
                    logger.info("request.end", extra={"status_code": response.status,
                                                      "duration_ms": 12})
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
