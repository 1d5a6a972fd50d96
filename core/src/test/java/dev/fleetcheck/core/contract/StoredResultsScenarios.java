package dev.fleetcheck.core.contract;

import static dev.fleetcheck.core.contract.FleetHarness.RULE_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.JobResult;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.RepoScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored scan is reused only while it is what a fresh scan would say, an unchanged repository is
 * answered without a clone, and a scan out of time is recorded as such: the scenarios every adapter
 * set must pass (subclass with the adapter set's factory).
 */
public abstract class StoredResultsScenarios {

  private static final String WAIVER = MarkerScanner.waiverFile(RULE_A);
  private static final Instant EXPIRED_AT = Instant.parse("2026-06-11T00:00:00Z");

  @TempDir protected Path root;
  private FleetHarness h;
  private int jobs;

  /** Opens the adapter set under test over fresh storage. */
  protected abstract FleetAdapters.Factory adapters();

  @BeforeEach
  void open() {
    h = new FleetHarness(root, 3, adapters());
  }

  @AfterEach
  void close() {
    h.close();
  }

  private JobResult.Completed scanAlpha(ScanRepository scans) {
    ScanJob job = new ScanJob("job-" + jobs++, "", h.fleet.list().get(0), h.clock.instant());
    JobResult result = scans.call(job, new Attempt(1, 3));
    assertThat(result).isInstanceOf(JobResult.Completed.class);
    return (JobResult.Completed) result;
  }

  private RuleResult ruleA(String scanId) {
    return h.queries().report(scanId).results().stream()
        .filter(r -> r.rule().id().equals(RULE_A))
        .findFirst()
        .orElseThrow();
  }

  private void waiveRuleAUntil(String date) {
    h.fleet.add("alpha", "core", RULE_A).file("alpha", WAIVER, date + "\n");
  }

  @Test
  void aWaivedResultRecordsWhenItsWaiverStopsWaiving() {
    waiveRuleAUntil("2026-06-10");

    String scanId = scanAlpha(h.scanRepository()).scanId();

    ScanRecord record = h.adapters.results().scan(scanId).orElseThrow();
    assertThat(((ScanOutcome.Succeeded) record.outcome()).validUntil()).contains(EXPIRED_AT);
    assertThat(ruleA(scanId).status()).isEqualTo(Status.WAIVED);
  }

  @Test
  void aWaivedResultIsReusedUntilItsWaiverExpiresThenRescannedAsAFailure() {
    waiveRuleAUntil("2026-06-10");
    JobResult.Completed first = scanAlpha(h.scanRepository());
    assertThat(first.scanned()).isTrue();

    h.clock.advance(Duration.between(h.clock.instant(), EXPIRED_AT.minusSeconds(1)));
    JobResult.Completed beforeExpiry = scanAlpha(h.scanRepository());

    assertThat(beforeExpiry.scanned()).isFalse();
    assertThat(beforeExpiry.scanId()).isEqualTo(first.scanId());
    assertThat(ruleA(beforeExpiry.scanId()).status()).isEqualTo(Status.WAIVED);

    h.clock.advance(Duration.ofSeconds(2));
    JobResult.Completed afterExpiry = scanAlpha(h.scanRepository());

    assertThat(afterExpiry.scanned()).isTrue();
    assertThat(afterExpiry.scanId()).isNotEqualTo(first.scanId());
    RuleResult rule = ruleA(afterExpiry.scanId());
    assertThat(rule.status()).isEqualTo(Status.FAIL);
    assertThat(rule.outcome().evidence())
        .anySatisfy(e -> assertThat(e.message()).isEqualTo("waiver expired on 2026-06-10"));
    ScanRecord record = h.adapters.results().scan(afterExpiry.scanId()).orElseThrow();
    assertThat(((ScanOutcome.Succeeded) record.outcome()).failingRules()).containsExactly(RULE_A);
    assertThat(((ScanOutcome.Succeeded) record.outcome()).validUntil()).isEmpty();
    assertThat(h.adapters.results().history("alpha", PageRequest.first(10)).items())
        .extracting(ScanRecord::scanId)
        .containsExactly(afterExpiry.scanId(), first.scanId());

    JobResult.Completed later = scanAlpha(h.scanRepository());
    assertThat(later.scanned()).isFalse();
    assertThat(later.scanId()).isEqualTo(afterExpiry.scanId());
  }

  @Test
  void theRescanAfterAnExpiryKeepsTheNextWaiverUntilItExpiresToo() {
    h.fleet
        .add("alpha", "core", RULE_A, FleetHarness.RULE_B)
        .file("alpha", WAIVER, "2026-06-10\n")
        .file("alpha", MarkerScanner.waiverFile(FleetHarness.RULE_B), "2026-06-20\n");
    String first = scanAlpha(h.scanRepository()).scanId();

    h.clock.advance(Duration.between(h.clock.instant(), EXPIRED_AT.plusSeconds(1)));
    JobResult.Completed second = scanAlpha(h.scanRepository());
    h.clock.advance(Duration.ofDays(10));
    JobResult.Completed third = scanAlpha(h.scanRepository());

    assertThat(second.scanned()).isTrue();
    assertThat(second.scanId()).isNotEqualTo(first);
    ScanRecord record = h.adapters.results().scan(second.scanId()).orElseThrow();
    assertThat(((ScanOutcome.Succeeded) record.outcome()).validUntil())
        .contains(Instant.parse("2026-06-21T00:00:00Z"));
    assertThat(third.scanned()).isTrue();
    assertThat(third.scanId()).isNotIn(first, second.scanId());
  }

  @Test
  void aScanStoredUnderAnotherPackIdentityIsNotReused() {
    h.fleet.add("alpha", "core", RULE_A);
    MarkerScanner otherPack = new MarkerScanner(h.clock, RULE_A);
    assertThat(otherPack.rulePackDigest()).isNotEqualTo(h.scanner.rulePackDigest());
    JobResult.Completed stored = scanAlpha(h.scanRepository());

    JobResult.Completed underOtherPack = scanAlpha(h.runtime().scanRepository(h.fleet, otherPack));
    JobResult.Completed underFirstPack = scanAlpha(h.scanRepository());

    assertThat(underOtherPack.scanned()).isTrue();
    assertThat(underOtherPack.scanId()).isNotEqualTo(stored.scanId());
    assertThat(h.adapters.results().scan(underOtherPack.scanId()).orElseThrow().rulePackDigest())
        .isEqualTo(otherPack.rulePackDigest());
    assertThat(underFirstPack.scanned()).isFalse();
    assertThat(underFirstPack.scanId()).isEqualTo(stored.scanId());
  }

  @Test
  void anUnchangedRepositoryIsAnsweredFromItsRemoteHeadWithoutAClone() {
    h.fleet.add("alpha", "core", RULE_A);
    h.startSweep().call(SweepTrigger.fresh());
    h.drain();
    String second = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    h.drain();

    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(h.fleet.resolves("alpha")).isEqualTo(2);
    assertThat(h.adapters.results().progress(second).done()).isEqualTo(1);
    assertThat(h.queries().failing(second, RULE_A, PageRequest.first(10)).items()).hasSize(1);

    h.fleet.commit("alpha");
    String third = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    h.drain();

    assertThat(h.fleet.fetches("alpha")).isEqualTo(2);
    assertThat(h.adapters.results().progress(third).done()).isEqualTo(1);
    assertThat(h.queries().failing(third, RULE_A, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void aRedeliveredJobOfAnUnchangedRepositoryIsCountedOnce() {
    h.fleet.add("alpha", "core");
    h.startSweep().call(SweepTrigger.fresh());
    h.drain();
    String second = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    ScanJob job = ScanJob.forSweep(second, h.fleet.list().get(0), h.clock.instant());
    h.adapters.queue().sendBatch(List.of(job));

    h.drain();

    assertThat(h.adapters.results().progress(second).done()).isEqualTo(1);
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(Optional.of(h.adapters.results().progress(second).failed())).contains(0);
  }

  /** A scanner whose every scan runs out of its time bound, as the engine reports it. */
  private static RepoScanner outOfTime(String digest) {
    return new RepoScanner() {
      @Override
      public String rulePackDigest() {
        return digest;
      }

      @Override
      public ScannedRepo scan(Path directory, RepositoryRef repository) {
        throw new FleetcheckException(
            ErrorCode.SCAN_TIMEOUT, "the scan ran out of its time bound (PT1M30S)");
      }
    };
  }

  @Test
  void aScanThatRunsOutOfTimeIsRecordedAsScanTimeoutAtOnce() {
    h.fleet.add("alpha", "core");
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());

    JobResult result =
        h.runtime()
            .scanRepository(h.fleet, outOfTime(h.scanner.rulePackDigest()))
            .call(job, new Attempt(1, 3));

    assertThat(result)
        .isInstanceOfSatisfying(
            JobResult.Failed.class,
            failed -> {
              assertThat(failed.errorCode()).isEqualTo(ErrorCode.SCAN_TIMEOUT);
              assertThat(failed.recorded()).isTrue();
              assertThat(failed.deleteMessage()).isTrue();
            });
    SweepEntry entry = h.adapters.results().sweepEntry(sweepId, "alpha").orElseThrow();
    assertThat(entry.errorCode()).contains(ErrorCode.SCAN_TIMEOUT);
    assertThat(h.adapters.results().scan(entry.scanId()).orElseThrow().outcome())
        .isInstanceOfSatisfying(
            ScanOutcome.Failed.class,
            f -> assertThat(f.errorCode()).isEqualTo(ErrorCode.SCAN_TIMEOUT));
    assertThat(h.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 0, 1));
  }
}
