package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestStartLogTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new RequestStartLog(), repo.build(), Profile.API);
  }

  @Test
  void oneEmissionInARegisteredMiddlewarePasses(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/main.py",
                        """
                        import logging
                        from fastapi import FastAPI

                        log = logging.getLogger(__name__)
                        app = FastAPI()


                        @app.middleware("http")
                        async def access_log(request, call_next):
                            log.info(
                                "request.start",
                                extra={"path": request.url.path},
                            )
                            return await call_next(request)
                        """)))
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "app/main.py",
                    10,
                    "request.start is emitted once, in middleware access_log"
                        + " (@app.middleware)")));
    assertThat(
            check(
                FixtureRepo.in(a)
                    .python()
                    .file(
                        "site/mw.py",
                        """
                        import structlog

                        log = structlog.get_logger()


                        class RequestLog:
                            def __call__(self, request):
                                log.info(event="request.start")
                                return self.get_response(request)
                        """)
                    .file("site/settings.py", "MIDDLEWARE = ['site.mw.RequestLog']\n")))
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "site/mw.py",
                    8,
                    "request.start is emitted once, in middleware class RequestLog"
                        + " (MIDDLEWARE)")));
    assertThat(
            check(
                FixtureRepo.in(b)
                    .python()
                    .file(
                        "fn/app.py",
                        """
                        from functools import wraps


                        def logged(fn):
                            @wraps(fn)
                            def wrapper(event, context):
                                logger.info("request.start")
                                return fn(event, context)
                            return wrapper


                        @logged
                        def lambda_handler(event, context):
                            return {"statusCode": 200}
                        """)))
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "fn/app.py",
                    7,
                    "request.start is emitted once, by decorator logged on every Lambda"
                        + " handler")));
  }

  @Test
  void severalPlacesNoPlaceOrAPlaceOutsideMiddlewareFail(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/views.py",
                        """
                        import logging

                        log = logging.getLogger(__name__)


                        def orders(request):
                            log.info("request.start")


                        def items(request):
                            log.info("request.start")
                        """)))
        .isEqualTo(
            Outcome.fail(
                Evidence.at(
                    "app/views.py",
                    7,
                    "request.start is emitted here and in 1 other place(s): once per request"
                        + " means one place"),
                Evidence.at(
                    "app/views.py",
                    11,
                    "request.start is emitted here and in 1 other place(s): once per request"
                        + " means one place")));
    assertThat(
            check(
                FixtureRepo.in(a)
                    .python()
                    .file(
                        "app/views.py",
                        "# log.info('request.start')\n"
                            + "DOC = \"log.info('request.start') in a middleware\"\n")
                    .file("tests/test_mw.py", "log.info('request.start')\n")))
        .isEqualTo(
            Outcome.fail(
                Evidence.repository("no log call emits the event request.start in product code")));
    assertThat(
            check(
                FixtureRepo.in(b)
                    .python()
                    .file("app/views.py", "def orders(request):\n    log.info('request.start')\n")))
        .isEqualTo(
            Outcome.fail(
                Evidence.at(
                    "app/views.py",
                    2,
                    "request.start is emitted outside any registered middleware: not every"
                        + " request logs it")));
  }
}
