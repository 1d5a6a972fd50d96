package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundTraceContextTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new InboundTraceContext(), repo.build(), Profile.API);
  }

  @Test
  void serverInstrumentationExtractAndTraceparentReadsPass(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/main.py",
                        """
                        from fastapi import FastAPI
                        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor as F

                        app = FastAPI()
                        F.instrument_app(app)
                        """)))
        .isEqualTo(Outcome.pass(Evidence.at("app/main.py", 5, "F.instrument_app(...)")));
    assertThat(
            check(
                    FixtureRepo.in(a)
                        .python()
                        .file(
                            "fn/app.py",
                            """
                            from opentelemetry import propagate


                            def handler(event, context):
                                ctx = propagate.extract(
                                    event.get("headers", {}),
                                )
                            """))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            check(
                    FixtureRepo.in(b)
                        .python()
                        .file(
                            "app/mw.py",
                            "def mw(request):\n    return request.headers.get('traceparent')\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void xrayOnlyStringsCommentsAndTestsFail() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/mw.py",
                    """
                    # request.headers.get("traceparent") some day
                    HELP = "FastAPIInstrumentor.instrument_app(app)"


                    def mw(request):
                        return request.headers.get("X-Amzn-Trace-Id")
                    """)
                .file(
                    "tests/test_trace.py",
                    "from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor\n"
                        + "FastAPIInstrumentor.instrument_app(app)\n"));

    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
