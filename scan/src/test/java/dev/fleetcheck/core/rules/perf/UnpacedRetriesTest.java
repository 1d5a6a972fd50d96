package dev.fleetcheck.core.rules.perf;

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

class UnpacedRetriesTest {

  @TempDir Path dir;
  private final UnpacedRetries rule = new UnpacedRetries();

  @Test
  void retriesWithoutBackoffOrStopFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/net.py",
                """
                import tenacity
                from tenacity import retry, stop_after_attempt, wait_exponential
                from urllib3.util.retry import Retry

                POLICY = Retry(total=5, status_forcelist=[502])
                FLAT = Retry(
                    total=3,
                    backoff_factor=0)

                @retry
                def a(): ...

                @retry(stop=stop_after_attempt(3))
                def b(): ...

                @tenacity.retry(wait=wait_exponential())
                def c(): ...
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "pkg/net.py:5: Retry(...) retries without backoff_factor= (no backoff)",
            "pkg/net.py:6: Retry(...) retries without backoff_factor= (no backoff)",
            "pkg/net.py:10: @retry retries without wait= and stop=",
            "pkg/net.py:13: retry(...) retries without wait=",
            "pkg/net.py:16: tenacity.retry(...) retries without stop=");
  }

  @Test
  void retriesWithBackoffDisabledRetriesAndTestCodeStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/net.py",
                """
                from requests.adapters import Retry
                from tenacity import retry, stop_after_attempt, wait_random
                OK = Retry(total=5, backoff_factor=0.5)
                OFF = Retry(0)
                NONE = Retry(total=False)
                text = "Retry(total=5)"

                @retry(wait=wait_random(1, 2), stop=stop_after_attempt(3))
                def a(): ...
                """)
            .file("tests/test_net.py", "from urllib3 import Retry\nRetry(total=3)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void inACliTheRetriesAreScoredOnceUnderPySec004() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/net.py", "from urllib3 import Retry\nPOLICY = Retry(total=5)\n")
            .build();

    Outcome outcome = check(rule, repo, Profile.CLI);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.evidence().get(0).message()).contains("same obligation as PY-SEC-004");
  }
}
