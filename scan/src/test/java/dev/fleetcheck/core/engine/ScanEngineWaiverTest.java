package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineWaiverTest {

  private static final Evidence MISSING = Evidence.repository("no CI config runs Ruff");

  @TempDir Path dir;

  /** A rule with a fixed outcome, standing in for any automated check. */
  private record Fixed(String id, Outcome outcome) implements Rule {
    @Override
    public RuleSpec spec() {
      return RuleSpec.of(id, Profile.PYTHON, "do the thing");
    }

    @Override
    public Outcome check(RuleContext context) {
      return outcome;
    }
  }

  private ScanReport scan(String record, Rule... rules) {
    FixtureRepo repo = FixtureRepo.in(dir).python();
    if (record != null) {
      repo.file("docs/adr/0003-waiver.md", record);
    }
    List<Rule> list = List.of(rules);
    return FixtureRepo.scan(
        RulePack.of(list),
        repo.build(),
        id -> list.stream().anyMatch(r -> r.spec().id().equals(id)));
  }

  private static RuleResult only(ScanReport report) {
    assertThat(report.results()).hasSize(1);
    return report.results().get(0);
  }

  private static String record(String expires) {
    return "Waives: PY-QG-001\nExpires: " + expires + "\n## Rationale\nCI is being migrated.\n";
  }

  @Test
  void validUnexpiredRecordWaivesAFailWithTheRecordAsEvidence() {
    RuleResult result =
        only(scan(record("2026-12-31"), new Fixed("PY-QG-001", Outcome.fail(MISSING))));
    assertThat(result.status()).isEqualTo(Status.WAIVED);
    Outcome.Waived waived = (Outcome.Waived) result.outcome();
    assertThat(waived.waiver())
        .isEqualTo(
            new Waiver(
                "docs/adr/0003-waiver.md",
                List.of("PY-QG-001"),
                LocalDate.parse("2026-12-31"),
                "CI is being migrated."));
    assertThat(waived.evidence())
        .contains(
            MISSING,
            Evidence.file(
                "docs/adr/0003-waiver.md", "waived until 2026-12-31: CI is being migrated."));
  }

  @Test
  void recordExpiringTodayStillWaives() {
    assertThat(
            only(scan(record("2026-06-01"), new Fixed("PY-QG-001", Outcome.fail(MISSING))))
                .status())
        .isEqualTo(Status.WAIVED);
  }

  @Test
  void expiredRecordLeavesTheFailAndSaysWhenItExpired() {
    RuleResult result =
        only(scan(record("2026-05-31"), new Fixed("PY-QG-001", Outcome.fail(MISSING))));
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.outcome().evidence())
        .containsExactlyInAnyOrder(
            MISSING, Evidence.file("docs/adr/0003-waiver.md", "waiver expired on 2026-05-31"));
  }

  @Test
  void recordWithoutRationaleIsReportedAsInvalidAndChangesNothing() {
    ScanReport report =
        scan(
            "Waives: PY-QG-001\nExpires: 2026-12-31\n",
            new Fixed("PY-QG-001", Outcome.fail(MISSING)));
    assertThat(only(report).outcome()).isEqualTo(Outcome.fail(MISSING));
    assertThat(report.notes())
        .contains(
            Evidence.at(
                "docs/adr/0003-waiver.md", 1, "invalid waiver for PY-QG-001: missing a rationale"));
  }

  @Test
  void recordWithoutExpiryIsReportedAsInvalidAndChangesNothing() {
    ScanReport report =
        scan("Waives: PY-QG-001\nRationale: soon\n", new Fixed("PY-QG-001", Outcome.fail(MISSING)));
    assertThat(only(report).outcome()).isEqualTo(Outcome.fail(MISSING));
    assertThat(report.notes())
        .extracting(Evidence::message)
        .contains("invalid waiver for PY-QG-001: missing an Expires: date");
  }

  @Test
  void waiverLeavesPassingAndOtherRulesAlone() {
    ScanReport report =
        scan(
            record("2026-12-31"),
            new Fixed("PY-QG-001", Outcome.pass()),
            new Fixed("PY-QG-002", Outcome.fail(MISSING)));
    assertThat(report.results())
        .extracting(r -> r.rule().id(), RuleResult::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("PY-QG-001", Status.PASS),
            org.assertj.core.groups.Tuple.tuple("PY-QG-002", Status.FAIL));
  }

  @Test
  void waivedResultCountsTowardsTheScoreLikeAPass() {
    ScanReport waived = scan(record("2026-12-31"), new Fixed("PY-QG-001", Outcome.fail(MISSING)));
    assertThat(waived.score().value()).isEqualTo(100.0);
    assertThat(waived.counts()).containsEntry(Status.WAIVED, 1).containsEntry(Status.FAIL, 0);
  }
}
