package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine carries a rule's kind into the report and keeps an assisted check from passing. */
class ScanEngineAssistedTest {

  @TempDir Path dir;

  private record Assisted(String id, Outcome answer) implements Rule {
    @Override
    public RuleSpec spec() {
      return RuleSpec.assisted(id, Set.of(Profile.PYTHON), "fix it");
    }

    @Override
    public Outcome check(RuleContext context) {
      return answer;
    }
  }

  private ScanReport scan(Rule... rules) {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "print('hi')\n").build();
    ScanEngine engine =
        new ScanEngine(
            RulePack.of(List.of(rules)), Clock.fixed(FixtureRepo.NOW, ZoneOffset.UTC), "test");
    return engine.scan(RepoSnapshot.of(repo), new RepositoryRef("r", "src", "c"), id -> true);
  }

  private static RuleResult result(ScanReport report, String id) {
    return report.results().stream()
        .filter(r -> r.rule().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAssistedRuleIsReportedAsAssistedWithItsFailOrItsNote() {
    ScanReport report =
        scan(
            new Assisted("PY-SEC-045", Outcome.assisted(List.of(Evidence.at("a.py", 1, "bad")))),
            new Assisted("PY-SEC-003", Outcome.assisted(List.of())));

    assertThat(result(report, "PY-SEC-045").rule().kind()).isEqualTo(RuleKind.ASSISTED);
    assertThat(result(report, "PY-SEC-045").status()).isEqualTo(Status.FAIL);
    assertThat(result(report, "PY-SEC-003").outcome().evidence())
        .containsExactly(Evidence.repository("no evident violation found"));
    assertThat(result(report, "PY-QR-001").rule().kind()).isEqualTo(RuleKind.MANUAL);
    assertThat(result(report, "PY-QR-001").outcome().evidence()).isEmpty();
    assertThat(report.kindCounts())
        .containsEntry(RuleKind.ASSISTED, 2)
        .containsEntry(RuleKind.AUTOMATED, 0)
        .containsEntry(RuleKind.MANUAL, 312);
  }

  @Test
  void anAssistedCheckThatAnswersPassIsAnErrorNeverAPass() {
    ScanReport report =
        scan(new Assisted("PY-SEC-045", Outcome.pass(Evidence.repository("looks fine"))));

    RuleResult result = result(report, "PY-SEC-045");
    assertThat(result.status()).isEqualTo(Status.ERROR);
    assertThat(result.outcome().evidence().get(0).message())
        .contains("assisted check answered PASS");
  }

  @Test
  void theKindIsPartOfThePacksIdentity() {
    Rule automated =
        new Rule() {
          @Override
          public RuleSpec spec() {
            return RuleSpec.of("PY-SEC-045", Profile.PYTHON, "fix it");
          }

          @Override
          public Outcome check(RuleContext context) {
            return Outcome.pass();
          }
        };

    assertThat(RulePack.of(List.of(automated)).digest())
        .isNotEqualTo(RulePack.of(List.of(new Assisted("PY-SEC-045", Outcome.manual()))).digest());
  }
}
