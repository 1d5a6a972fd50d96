package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.FixtureFleet.HOSTILE_NAME;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.HOSTILE_TEAM;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.RULE_A;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.RULE_B;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.RULE_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingStatus;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.ScoreBucket;
import dev.fleetcheck.core.report.fleet.FleetReportData.TeamSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetReportAssemblerTest {

  @TempDir Path work;

  private FixtureFleet fixture;
  private FleetReportData latest;

  @BeforeEach
  void runTwoSweeps() {
    fixture = FixtureFleet.twoSweeps(work);
    latest = fixture.assembler().assemble(Optional.empty());
  }

  @Test
  void reportsTheLatestSweepByDefaultWithItsProgress() {
    assertThat(latest.sweep().sweepId()).isEqualTo("sw-2");
    assertThat(latest.sweep().previousSweepId()).contains("sw-1");
    assertThat(latest.sweep().expected()).isEqualTo(6);
    assertThat(latest.sweep().done()).isEqualTo(5);
    assertThat(latest.sweep().failed()).isEqualTo(1);
    assertThat(latest.sweep().pending()).isZero();
    assertThat(latest.generatedAt()).isEqualTo(FixtureFleet.GENERATED);
  }

  @Test
  void listsEveryRepositoryOfTheSweepByNameWithItsResult() {
    assertThat(latest.repositories())
        .extracting(RepositoryResult::name)
        .containsExactly(HOSTILE_NAME, "alpha", "bravo", "charlie", "delta", "echo");
    RepositoryResult echo = latest.repositories().get(5);
    assertThat(echo).isInstanceOf(RepositoryResult.Failed.class);
    assertThat(((RepositoryResult.Failed) echo).errorCode()).isEqualTo(ErrorCode.REPO_NOT_FOUND);
    assertThat(echo.source()).isEqualTo("fake://echo");

    RepositoryResult.Scanned bravo = scanned("bravo");
    assertThat(bravo.team()).isEqualTo("payments");
    assertThat(bravo.score()).isEqualTo(16.7);
    assertThat(bravo.band()).isEqualTo(ScoreBand.CRITICAL);
    // by rule ID: PY-OBS-012 before PY-QR-003
    assertThat(bravo.failingRules()).extracting(FailedRule::ruleId).containsExactly(RULE_B, RULE_A);
    assertThat(bravo.failingRules().get(1).level()).isEqualTo(Level.REQUIRED);
    assertThat(bravo.failingRules().get(1).findings())
        .extracting(FindingDetail::location, FindingDetail::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "fail-" + RULE_A + ":1", RULE_A + " fails in bravo"));
    assertThat(scanned("charlie").failingRules()).isEmpty();
    assertThat(scanned("charlie").score()).isEqualTo(100.0);
  }

  @Test
  void marksRulesAndFindingsNewOnlyWhenTheyAppearedSinceThePreviousSweep() {
    FailedRule alphaB = scanned("alpha").failingRules().get(0);
    assertThat(alphaB.ruleId()).isEqualTo(RULE_B);
    assertThat(alphaB.isNew()).isTrue();
    assertThat(alphaB.findings()).extracting(FindingDetail::status).containsOnly(FindingStatus.NEW);

    // bravo's commit did not change: the sweep reused its scan, nothing is new
    assertThat(scanned("bravo").failingRules()).noneMatch(FailedRule::isNew);
    assertThat(scanned("bravo").failingRules())
        .flatExtracting(FailedRule::findings)
        .extracting(FindingDetail::status)
        .containsOnly(FindingStatus.STILL_OPEN);

    // delta was rescanned: C was there before, A is new
    List<FailedRule> delta = scanned("delta").failingRules();
    assertThat(delta).extracting(FailedRule::ruleId).containsExactly(RULE_C, RULE_A);
    assertThat(delta).extracting(FailedRule::isNew).containsExactly(false, true);
    assertThat(delta.get(0).findings().get(0).status()).isEqualTo(FindingStatus.STILL_OPEN);
    assertThat(delta.get(1).findings().get(0).status()).isEqualTo(FindingStatus.NEW);

    assertThat(latest.changes())
        .containsExactly(
            new RepositoryChange("alpha", List.of(RULE_B), List.of(RULE_A)),
            new RepositoryChange("delta", List.of(RULE_A), List.of()));
    assertThat(latest.totals().newFailures()).isEqualTo(2);
    assertThat(latest.totals().fixedRules()).isEqualTo(1);
    assertThat(latest.totals().newFindings()).isEqualTo(2);
    assertThat(latest.totals().stillOpenFindings()).isEqualTo(4);
  }

  @Test
  void theFirstSweepHasNothingToCompareAndItsFindingsAreNew() {
    FleetReportData first = fixture.assembler().assemble(Optional.of("sw-1"));

    assertThat(first.sweep().previousSweepId()).isEmpty();
    assertThat(first.changes()).isEmpty();
    assertThat(first.totals().stillOpenFindings()).isZero();
    assertThat(first.totals().newFindings()).isEqualTo(5);
    assertThat(
            first.repositories().stream()
                .filter(RepositoryResult.Scanned.class::isInstance)
                .map(RepositoryResult.Scanned.class::cast)
                .filter(r -> r.name().equals("alpha"))
                .findFirst()
                .orElseThrow()
                .failingRules())
        .extracting(FailedRule::ruleId)
        .containsExactly(RULE_A);
  }

  @Test
  void computesPassRatesFromTheFullReports() {
    assertThat(latest.passRates())
        .containsExactly(
            new RulePassRate(RULE_A, 2, 3, 0, 0, 0),
            new RulePassRate(RULE_B, 3, 2, 0, 0, 0),
            new RulePassRate(RULE_C, 4, 1, 0, 0, 0));
    assertThat(latest.passRates().get(0).rate()).contains(40.0);
    assertThat(latest.totals().reportsUnreadable()).isZero();
    assertThat(latest.rule(RULE_A).automated()).isTrue();
    assertThat(latest.rule(RULE_A).remediation()).isEqualTo("Remove the marker file.");
  }

  @Test
  void aReaderWithoutTheRulePackDescribesRulesAsTheScanningPackDid() {
    FleetReportData read = fixture.catalogueOnlyAssembler().assemble(Optional.empty());

    assertThat(read.rule(RULE_A).automated()).isTrue();
    assertThat(read.rule(RULE_A).remediation()).isEqualTo("Remove the marker file.");
    assertThat(read.passRates()).isEqualTo(latest.passRates());
  }

  @Test
  void aMissingFullReportLeavesTheRepositoryOutOfThePassRatesOnly() {
    RepositoryResult.Scanned charlie = scanned("charlie");
    fixture
        .results
        .scan(charlie.scanId())
        .ifPresent(
            record -> {
              var outcome = (dev.fleetcheck.core.model.ScanOutcome.Succeeded) record.outcome();
              fixture.reports.delete(outcome.reportKey());
            });

    FleetReportData report = fixture.assembler().assemble(Optional.empty());

    assertThat(report.totals().reportsUnreadable()).isEqualTo(1);
    assertThat(report.passRates().get(0)).isEqualTo(new RulePassRate(RULE_A, 1, 3, 0, 0, 0));
    assertThat(report.repositories()).hasSize(6);
  }

  @Test
  void buildsTheScoreHistogramInTenPointBuckets() {
    assertThat(latest.scoreDistribution()).hasSize(10);
    assertThat(latest.scoreDistribution())
        .extracting(ScoreBucket::count)
        .containsExactly(0, 1, 0, 1, 0, 1, 1, 0, 0, 1);
    assertThat(latest.scoreDistribution().get(9).label()).isEqualTo("90-100");
    assertThat(latest.totals().meanScore()).contains(53.3);
  }

  @Test
  void summarisesTeamsAndRanksTheWorstRepositories() {
    assertThat(latest.teams())
        .extracting(TeamSummary::team)
        .containsExactly("", HOSTILE_TEAM, "payments", "search");
    TeamSummary payments = latest.teams().get(2);
    assertThat(payments.repositories()).isEqualTo(2);
    assertThat(payments.meanScore()).contains(41.7);
    assertThat(payments.repositoriesWithFailures()).isEqualTo(2);
    assertThat(payments.worstRule()).contains(RULE_B);
    assertThat(payments.worstRuleRepositories()).isEqualTo(2);
    TeamSummary noTeam = latest.teams().get(0);
    assertThat(noTeam.failedScans()).isEqualTo(1);
    assertThat(noTeam.meanScore()).isEmpty();
    assertThat(noTeam.worstRule()).isEmpty();

    assertThat(latest.worstRepositories())
        .extracting(RepositoryResult::name)
        .containsExactly("bravo", "delta", HOSTILE_NAME, "alpha", "charlie");
  }

  @Test
  void anUnfinishedSweepListsWhatIsDoneAndCountsThePending() {
    fixture.results.createSweep(
        new dev.fleetcheck.core.model.Sweep(
            "sw-3", fixture.clock.instant().plusSeconds(60), 6, fixture.scanner.rulePackDigest()));
    fixture.results.recordSweepEntry(
        dev.fleetcheck.core.model.SweepEntry.done(
            "sw-3", "charlie", scanned("charlie").scanId(), fixture.clock.instant()));

    FleetReportData report = fixture.assembler().assemble(Optional.empty());

    assertThat(report.sweep().sweepId()).isEqualTo("sw-3");
    assertThat(report.sweep().pending()).isEqualTo(5);
    assertThat(report.repositories()).extracting(RepositoryResult::name).containsExactly("charlie");
    assertThat(new FleetHtmlReport().render(report))
        .contains("The sweep is not complete: 5 repositories have no result yet");
  }

  @Test
  void theSameStoresGiveTheSameData() {
    assertThat(fixture.assembler().assemble(Optional.of("sw-2"))).isEqualTo(latest);
  }

  @Test
  void anUnknownSweepOrNoSweepAtAllIsSweepNotFound() {
    assertThatThrownBy(() -> fixture.assembler().assemble(Optional.of("sw-none")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SWEEP_NOT_FOUND));
    FixtureFleet empty = new FixtureFleet(work);
    assertThatThrownBy(() -> empty.assembler().assemble(Optional.empty()))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SWEEP_NOT_FOUND));
  }

  private RepositoryResult.Scanned scanned(String name) {
    return latest.repositories().stream()
        .filter(r -> r.name().equals(name))
        .map(RepositoryResult.Scanned.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
