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

class CorrelationIdInLogsTest {

  @TempDir Path dir;
  private final CorrelationIdInLogs rule = new CorrelationIdInLogs();

  private static final String MIDDLEWARE =
      """
      import uuid, logging
      log = logging.getLogger(__name__)
      async def correlate(request, call_next):
          rid = request.headers.get("X-Request-Id") or str(uuid.uuid4())
          response = await call_next(request)
          response.headers["X-Request-Id"] = rid
          log.info("request done")
          return response
      """;

  @Test
  void anIdThatNeverReachesLogRecordsFails() {
    Path repo = FixtureRepo.in(dir).python().file("app/mw.py", MIDDLEWARE).build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "no mechanism adds the correlation id to log records: no structlog context binding,"
                + " logging filter or adapter, correlation library, powertools correlation or"
                + " request_id log field");
  }

  @Test
  void bindingFiltersOrFieldsStayManualAndNoIdGivesWayToPyObs004() {
    Path bound =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/mw.py",
                MIDDLEWARE + "structlog.contextvars.bind_contextvars(request_id=rid)\n")
            .build();
    Path filtered =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/mw.py", MIDDLEWARE + "class RequestIdFilter(logging.Filter):\n    pass\n")
            .build();
    Path none = FixtureRepo.in(dir.resolve("c")).python().file("app/m.py", "x = 1\n").build();

    assertNoEvidentViolation(check(rule, bound, Profile.API));
    assertNoEvidentViolation(check(rule, filtered, Profile.API));
    assertThat(check(rule, none, Profile.API).toString()).contains("same obligation as PY-OBS-004");
  }

  @Test
  void osloLogWritesTheOsloRequestIdOnEveryRecord() {
    // keystone: oslo.middleware's RequestId sets the id, oslo.log's context formatter logs it.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/conf.py",
                """
                from oslo_log import log
                from oslo_middleware import cors

                def configure(conf):
                    log.register_options(conf)
                    cors.set_defaults(expose_headers=['X-Openstack-Request-Id'])
                """)
            .build();

    assertNoEvidentViolation(check(new CorrelationIdInLogs(), repo, Profile.API));
  }
}
