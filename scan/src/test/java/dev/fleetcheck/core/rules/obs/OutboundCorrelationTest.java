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

class OutboundCorrelationTest {

  @TempDir Path dir;
  private final OutboundCorrelation rule = new OutboundCorrelation();

  @Test
  void outboundCallsWithoutPropagationFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                """
                import requests
                def fetch(url):
                    return requests.get(url, headers={"Accept": "application/json"}, timeout=3)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/client.py:3: requests.get(...) calls out, and nothing propagates the request id"
                + " or trace context (no client instrumentation, X-Ray patching, inject or"
                + " request-id header)");
  }

  @Test
  void instrumentedOrHandPropagatedCallsStayManualAndNoCallsAreNotApplicable() {
    Path patched =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/client.py",
                "import boto3\nfrom aws_xray_sdk.core import patch_all\npatch_all()\n"
                    + "s3 = boto3.client('s3')\n")
            .build();
    Path header =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/client.py",
                "import httpx\ndef f(u, rid):\n"
                    + "    return httpx.get(u, headers={\"X-Request-Id\": rid})\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("app/db.py", "import psycopg2\nc = psycopg2.connect(DSN)\n")
            .build();

    assertNoEvidentViolation(check(rule, patched, Profile.API));
    assertNoEvidentViolation(check(rule, header, Profile.API));
    assertThat(check(rule, none, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aTraceHeaderWrittenThroughAConstantOfAnotherModulePropagates() {
    // aws-xray-sdk: headers[http.XRAY_HEADER] = value, the constant in models/http.py.
    Path constant =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("sdk/models/http.py", "XRAY_HEADER = \"X-Amzn-Trace-Id\"\n")
            .file(
                "sdk/util.py",
                """
                from sdk.models import http

                def inject_trace_header(headers, entity):
                    headers[http.XRAY_HEADER] = entity.to_header()
                """)
            .file(
                "sdk/plugin.py",
                """
                from urllib.request import Request, urlopen

                def fetch(url):
                    return urlopen(Request(url), timeout=1)
                """)
            .build();
    Path comparedOnly =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/client.py",
                """
                import requests
                TRACE = "X-Amzn-Trace-Id"

                def fetch(url, seen):
                    if seen[TRACE] == "1":
                        return None
                    return requests.get(url, timeout=3)
                """)
            .build();

    assertNoEvidentViolation(check(rule, constant, Profile.API));
    assertThat(findings(check(rule, comparedOnly, Profile.API)))
        .containsExactly(
            "app/client.py:7: requests.get(...) calls out, and nothing propagates the request id"
                + " or trace context (no client instrumentation, X-Ray patching, inject or"
                + " request-id header)");
  }
}
