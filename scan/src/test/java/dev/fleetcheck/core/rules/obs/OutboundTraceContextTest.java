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

class OutboundTraceContextTest {

  @TempDir Path dir;

  private static final String CLIENTS =
      """
      import httpx
      import requests as r


      def fetch(url):
          r.get(url, timeout=3)
          with httpx.Client(timeout=3) as client:
              return client.get(url)
      """;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new OutboundTraceContext(), repo.build(), Profile.API);
  }

  @Test
  void aLibraryWithoutItsInstrumentorFails() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("app/client.py", CLIENTS)
                .file(
                    "app/tracing.py",
                    """
                    from opentelemetry.instrumentation.requests import RequestsInstrumentor

                    RequestsInstrumentor().instrument()
                    # HTTPXClientInstrumentor().instrument() is still to do
                    """)
                .file(
                    "tests/conftest.py",
                    "from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor\n"
                        + "HTTPXClientInstrumentor().instrument()\n"));

    assertThat(outcome)
        .isEqualTo(
            Outcome.fail(
                Evidence.at(
                    "app/client.py",
                    7,
                    "httpx calls carry no trace context: no instrumentor, auto-instrumentation or"
                        + " X-Ray patch covers httpx")));
  }

  @Test
  void anInjectImportedUnderAnotherNameStillCarriesTheTraceContext() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/client.py",
                    """
                    import requests
                    from opentelemetry.propagate import inject as add_trace_headers


                    def fetch(url):
                        headers = {}
                        add_trace_headers(headers)
                        return requests.get(url, headers=headers, timeout=3)
                    """));

    assertThat(outcome)
        .isEqualTo(Outcome.pass(Evidence.repository("requests calls inject trace headers")));
  }

  @Test
  void instrumentorsXRayPatchingAndTheLauncherPass(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("app/client.py", CLIENTS)
                        .file(
                            "app/tracing.py",
                            """
                            from opentelemetry.instrumentation.requests import RequestsInstrumentor
                            from opentelemetry.instrumentation.httpx import (
                                HTTPXClientInstrumentor,
                            )

                            RequestsInstrumentor().instrument()
                            HTTPXClientInstrumentor().instrument()
                            """))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            check(
                    FixtureRepo.in(a)
                        .python()
                        .file("app/client.py", CLIENTS)
                        .file(
                            "app/xray.py",
                            "from aws_xray_sdk.core import patch_all\npatch_all()\n"))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            check(
                    FixtureRepo.in(b)
                        .python()
                        .file("app/client.py", CLIENTS)
                        .file(
                            "Dockerfile",
                            "FROM python:3.12-slim\nCMD [\"opentelemetry-instrument\", \"uvicorn\","
                                + " \"app.main:app\"]\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void withoutOutboundHttpTheRuleDoesNotApply() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("app/main.py", "# requests.get(url)\nHELP = 'httpx.get(url)'\n"));

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
