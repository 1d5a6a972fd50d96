package dev.fleetcheck.core.rules.beh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiHttpTimeoutsTest {

  private static final Set<String> BOTH = Set.of("PY-BEH-012", "PY-BEH-020");

  @TempDir Path dir;

  private static final String CLIENT =
      """
      import requests as r

      def fetch(url):
          return r.get(
              url,
              headers={"Accept": "application/json"},
          )
      """;

  private ScanReport scan(Path repo) {
    RulePack pack = RulePack.of(List.of(new HttpTimeouts(), new ApiHttpTimeouts()));
    return FixtureRepo.scan(pack, repo, BOTH::contains);
  }

  private static Map<String, Outcome> byId(ScanReport report) {
    return report.results().stream()
        .collect(Collectors.toMap(r -> r.rule().id(), RuleResult::outcome));
  }

  @Test
  void inAnApiOneMissingTimeoutFailsPyBeh020AndLowersTheScoreOnce() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("requirements.txt", "fastapi==0.115.0\nrequests==2.32.3\n")
            .file("app/client.py", CLIENT)
            .build();

    ScanReport report = scan(repo);
    Map<String, Outcome> outcomes = byId(report);

    assertThat(RuleFixture.described(outcomes.get("PY-BEH-020")))
        .containsExactly("app/client.py:4: r.get(...) has no timeout");
    assertThat(outcomes.get("PY-BEH-012").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(RuleFixture.described(outcomes.get("PY-BEH-012")))
        .containsExactly(
            "same obligation as PY-BEH-020: an API's outbound timeouts are judged and scored"
                + " there (FAIL, 1 finding(s))");
    assertThat(report.score().possibleWeight()).isEqualTo(Level.REQUIRED.weight());
    assertThat(report.score().earnedWeight()).isZero();
  }

  @Test
  void outsideAnApiPyBeh012KeepsTheFindingAndPyBeh020DoesNotApply() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("requirements.txt", "requests==2.32.3\n")
            .file("tool/client.py", CLIENT)
            .build();

    Map<String, Outcome> outcomes = byId(scan(repo));

    assertThat(RuleFixture.described(outcomes.get("PY-BEH-012")))
        .containsExactly("tool/client.py:4: r.get(...) has no timeout");
    assertThat(outcomes.get("PY-BEH-020").status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void anApiWhoseCallsHaveTimeoutsPasses() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("requirements.txt", "flask==3.0.0\n")
            .file(
                "app/client.py",
                """
                import httpx
                # requests.get(url) in a comment is no call
                HELP = "call requests.get(url) with a timeout"

                def fetch(url):
                    with httpx.Client(timeout=5) as client:
                        return client.get(url)
                """)
            .file("tests/test_client.py", "import requests\nrequests.get('http://x')\n")
            .build();

    Map<String, Outcome> outcomes = byId(scan(repo));

    assertThat(outcomes.get("PY-BEH-020").status()).isEqualTo(Status.PASS);
    assertThat(outcomes.get("PY-BEH-012").status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
