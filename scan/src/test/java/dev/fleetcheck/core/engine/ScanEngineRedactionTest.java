package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.secrets.Fingerprint;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a rule quotes, the report holds it redacted: the engine passes every outcome, waiver and
 * note through one redaction step, so no rule, renderer or store has to remember it.
 */
class ScanEngineRedactionTest {

  private static final String PASSWORD = "Harbor" + "8812x" + "7";
  private static final String COMMAND = "DB_PASSWORD=" + PASSWORD + " pytest";

  @TempDir Path dir;

  private record Quoting(String id, Outcome outcome) implements Rule {
    @Override
    public RuleSpec spec() {
      return RuleSpec.of(id, Profile.PYTHON, "do the thing");
    }

    @Override
    public Outcome check(RuleContext context) {
      return outcome;
    }
  }

  private record Throwing(String id) implements Rule {
    @Override
    public RuleSpec spec() {
      return RuleSpec.of(id, Profile.PYTHON, "do the thing");
    }

    @Override
    public Outcome check(RuleContext context) {
      throw new IllegalStateException("cannot parse `" + COMMAND + "`");
    }
  }

  @Test
  void everyOutcomeKindAndTheWaiverReachTheReportRedacted() {
    FixtureRepo repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "docs/adr/0003-waiver.md",
                "Waives: PY-LCL-003\nExpires: 2099-12-31\n## Rationale\nRun " + COMMAND + ".\n")
            .file("ci/deploy.sh", "curl https://ci:" + PASSWORD + "@deploy.internal/x\n");
    Evidence quote = Evidence.at("ci.yml", 3, "`" + COMMAND + "` runs the tests");
    List<Rule> rules =
        List.of(
            new Quoting("PY-LCL-001", Outcome.pass(quote)),
            new Quoting("PY-LCL-002", Outcome.fail(quote)),
            new Quoting("PY-LCL-003", Outcome.fail(quote)),
            new Quoting("PY-LCL-004", Outcome.notApplicable("only `" + COMMAND + "` found")),
            new Quoting("PY-LCL-005", Outcome.error("bad step `" + COMMAND + "`")),
            new Throwing("PY-LCL-006"));
    ScanReport report =
        FixtureRepo.scan(
            RulePack.of(rules),
            repo.build(),
            id -> rules.stream().anyMatch(r -> r.spec().id().equals(id)));

    Map<String, Status> statuses =
        report.results().stream().collect(Collectors.toMap(r -> r.rule().id(), RuleResult::status));
    assertThat(statuses)
        .containsEntry("PY-LCL-001", Status.PASS)
        .containsEntry("PY-LCL-002", Status.FAIL)
        .containsEntry("PY-LCL-003", Status.WAIVED)
        .containsEntry("PY-LCL-004", Status.NOT_APPLICABLE)
        .containsEntry("PY-LCL-005", Status.ERROR)
        .containsEntry("PY-LCL-006", Status.ERROR)
        .hasSize(rules.size());
    String fingerprint = Fingerprint.of(PASSWORD) + "]";
    for (RuleResult result : report.results()) {
      assertThat(result.outcome().evidence())
          .as(result.rule().id())
          .anySatisfy(e -> assertThat(e.message()).contains("DB_PASSWORD=[redacted ", fingerprint));
    }
    Outcome.Waived waived = (Outcome.Waived) report.results().get(2).outcome();
    assertThat(waived.waiver().rationale()).contains("DB_PASSWORD=[redacted ", fingerprint);
    assertThat(report.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void notesNamingAPathThatHoldsASecretAreRedacted() throws IOException {
    Path repo = FixtureRepo.in(dir).python().build();
    Files.createSymbolicLink(repo.resolve("DB_PASSWORD=" + PASSWORD), Path.of("/nonexistent"));
    ScanReport report = FixtureRepo.scan(RulePack.of(List.of()), repo, id -> false);
    assertThat(report.notes())
        .anySatisfy(n -> assertThat(n.path()).startsWith("DB_PASSWORD=[redacted "));
    assertThat(report.toString()).doesNotContain(PASSWORD);
  }
}
