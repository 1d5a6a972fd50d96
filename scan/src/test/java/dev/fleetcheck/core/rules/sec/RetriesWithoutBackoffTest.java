package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetriesWithoutBackoffTest {

  @TempDir Path dir;
  private final RetriesWithoutBackoff rule = new RetriesWithoutBackoff();

  @Test
  void retriesWithoutBackoffOrStopFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/http.py",
                """
                from urllib3.util.retry import Retry
                from tenacity import retry, Retrying, stop_after_attempt, wait_exponential

                RETRY = Retry(
                    total=5,
                    status_forcelist=[502, 503],
                )

                @retry
                def fetch():
                    pass

                @retry(stop=stop_after_attempt(3))
                def push():
                    pass

                def run():
                    for attempt in Retrying(wait=wait_exponential()):
                        pass
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "tool/http.py:4: Retry(...) retries without backoff_factor= (no backoff)",
            "tool/http.py:9: @retry retries without wait= and stop=",
            "tool/http.py:13: retry(...) retries without wait=",
            "tool/http.py:18: Retrying(...) retries without stop=");
  }

  @Test
  void boundedRetriesWithBackoffNoRetryStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/http.py",
                """
                import tenacity
                from urllib3 import Retry

                A = Retry(total=3, backoff_factor=0.5)
                B = Retry(0)
                C = Retry(total=False)
                TEXT = "Retry(total=3)"

                @tenacity.retry(stop=tenacity.stop_after_attempt(3), wait=tenacity.wait_fixed(1))
                def fetch():
                    pass
                """)
            .file(
                "tests/test_http.py", "from tenacity import retry\n\n@retry\ndef t():\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.CLI));
  }

  @Test
  void callsWithoutTimeoutGiveWayToTheirHome() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/http.py", "import requests\n\ndef f():\n    requests.get(URL)\n")
            .build();

    Outcome outcome = check(rule, repo, Profile.CLI);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-BEH-012", "FAIL, 1 finding(s)");
  }
}
