package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.FleetHarness.RULE_A;
import static dev.fleetcheck.embedded.FleetHarness.RULE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.CompareSweeps;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.JobResult;
import dev.fleetcheck.core.fleet.RequestScan;
import dev.fleetcheck.core.fleet.ScanId;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.PageRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepUseCasesTest {

  @TempDir Path root;
  private FleetHarness harness;

  private FleetHarness harness(int maxReceives) {
    harness = new FleetHarness(root, maxReceives);
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void startingASweepRecordsTheExpectedCountAndQueuesOneJobPerRepository() {
    FleetHarness h = harness(3);
    for (int i = 0; i < 23; i++) {
      h.fleet.add("repo-" + i, "core");
    }

    StartSweep.Started started = h.startSweep().call();

    assertThat(started.resumed()).isFalse();
    assertThat(started.jobsSent()).isEqualTo(23);
    assertThat(h.embedded.results().progress(started.sweep().sweepId()))
        .isEqualTo(new SweepProgress(started.sweep().sweepId(), 23, 0, 0));
    assertThat(h.embedded.queue().depth()).isEqualTo(new JobQueue.QueueDepth(23, 0, 0));
  }

  @Test
  void aSweepLeavesOneResultPerRepositoryWhoseReportIsReadable() {
    FleetHarness h = harness(3);
    h.fleet
        .add("alpha", "payments", RULE_A)
        .add("bravo", "search")
        .add("charlie", "search", RULE_A, RULE_B);
    String sweepId = h.startSweep().call().sweep().sweepId();

    h.drain();

    FleetQueries queries = h.queries();
    assertThat(queries.progress(sweepId)).isEqualTo(new SweepProgress(sweepId, 3, 3, 0));
    List<ScanRecord> latest = queries.latest(LatestFilter.all(), PageRequest.first(10)).items();
    assertThat(latest)
        .extracting(ScanRecord::repository)
        .containsExactly("alpha", "bravo", "charlie");
    for (ScanRecord record : latest) {
      ScanReport report = queries.report(record.scanId());
      assertThat(report.repository().name()).isEqualTo(record.repository());
      assertThat(report.repository().commit()).isEqualTo(h.fleet.commitOf(record.repository()));
      assertThat(((ScanOutcome.Succeeded) record.outcome()).score())
          .isEqualTo(report.score().value());
    }
    assertThat(queries.failingInLatestSweep(RULE_A, PageRequest.first(10)).items())
        .extracting(RuleFailure::repository)
        .containsExactly("alpha", "charlie");
    assertThat(queries.latest(LatestFilter.all().withTeam("search"), PageRequest.first(10)).items())
        .extracting(ScanRecord::repository)
        .containsExactly("bravo", "charlie");
  }

  @Test
  void findingsSayWhetherTheyAreNewOrStillOpenAndSweepsCompare() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A).add("bravo", "core", RULE_A).add("charlie", "core");
    String first = h.startSweep().call().sweep().sweepId();
    h.drain();
    String firstAlphaScan =
        ScanId.of("alpha", h.fleet.commitOf("alpha"), h.scanner.rulePackDigest());

    h.clock.advance(java.time.Duration.ofDays(1));
    h.fleet.commit("alpha", RULE_A, RULE_B).commit("bravo");
    String second = h.startSweep().call().sweep().sweepId();
    h.drain();

    String alphaScan = ScanId.of("alpha", h.fleet.commitOf("alpha"), h.scanner.rulePackDigest());
    List<FailingRule> failing = h.embedded.results().failingRules(alphaScan);
    assertThat(failing).extracting(FailingRule::ruleId).containsExactly(RULE_A, RULE_B);
    assertThat(failing.get(0).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.newIn(alphaScan)).isFalse();
              assertThat(f.firstScanId()).isEqualTo(firstAlphaScan);
            });
    assertThat(failing.get(1).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.newIn(alphaScan)).isTrue());

    CompareSweeps.SweepChanges changes = new CompareSweeps(h.embedded.results()).call(second);
    assertThat(changes.previousSweepId()).contains(first);
    assertThat(changes.repositories())
        .containsExactly(
            new CompareSweeps.RepositoryChanges(
                "alpha", new java.util.TreeSet<>(List.of(RULE_B)), new java.util.TreeSet<>()),
            new CompareSweeps.RepositoryChanges(
                "bravo", new java.util.TreeSet<>(), new java.util.TreeSet<>(List.of(RULE_A))));
  }

  @Test
  void anUnchangedCommitIsNotScannedAgainInTheNextSweep() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    h.startSweep().call();
    h.drain();
    String second = h.startSweep().call().sweep().sweepId();

    h.drain();

    assertThat(h.embedded.results().history("alpha", PageRequest.first(10)).items()).hasSize(1);
    assertThat(h.embedded.results().progress(second).done()).isEqualTo(1);
    assertThat(h.queries().failing(second, RULE_A, PageRequest.first(10)).items()).hasSize(1);
  }

  @Test
  void aDuplicateDeliveryYieldsOneResultCountedOnce() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call().sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());
    h.embedded.queue().sendBatch(List.of(job));

    assertThat(h.drain()).isEqualTo(2);

    assertThat(h.embedded.results().history("alpha", PageRequest.first(10)).items()).hasSize(1);
    assertThat(h.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
  }

  @Test
  void aScanRecordNeverPointsAtAMissingReport() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call().sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());
    var refusingReports =
        new dev.fleetcheck.core.port.ReportStore() {
          @Override
          public void put(String key, byte[] content) {
            throw new FleetcheckException(ErrorCode.OUTPUT_WRITE_FAILED, "disk full");
          }

          @Override
          public Optional<byte[]> get(String key) {
            return Optional.empty();
          }

          @Override
          public void delete(String key) {}
        };

    JobResult result = h.scanRepository(h.fleet, refusingReports).call(job, new Attempt(1, 3));

    assertThat(result)
        .isInstanceOfSatisfying(
            JobResult.Failed.class,
            f -> {
              assertThat(f.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED);
              assertThat(f.retryable()).isTrue();
            });
    assertThat(h.embedded.results().history("alpha", PageRequest.first(10)).items()).isEmpty();
    assertThat(h.embedded.results().progress(sweepId).pending()).isEqualTo(1);
  }

  @Test
  void aRepositoryThatAlwaysFailsIsDeadLetteredAndCountedAsFailedWithoutHurtingItsBatchMates() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("broken", "core").add("charlie", "core", RULE_B);
    h.fleet.failAlways("broken", ErrorCode.CLONE_TIMEOUT);
    String sweepId = h.startSweep().call().sweep().sweepId();

    h.drain();

    // Each delivery fails when the remote's head is asked for, before any clone.
    assertThat(h.fleet.resolves("broken")).isEqualTo(3);
    assertThat(h.fleet.fetches("broken")).isZero();
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(h.embedded.queue().deadLetters())
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.receiveCount()).isEqualTo(3);
              assertThat(dead.lastFailure()).startsWith("clone_timeout:");
              assertThat(
                      dev.fleetcheck.core.fleet.ScanJobCodec.decode(dead.body())
                          .repository()
                          .name())
                  .isEqualTo("broken");
            });
    assertThat(h.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 3, 2, 1));
    assertThat(h.queries().failedEntries(sweepId, PageRequest.first(10)).items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.repository()).isEqualTo("broken");
              assertThat(e.errorCode()).contains(ErrorCode.CLONE_TIMEOUT);
              assertThat(h.embedded.results().scan(e.scanId()).orElseThrow().outcome())
                  .isEqualTo(
                      new ScanOutcome.Failed(ErrorCode.CLONE_TIMEOUT, "fetch of broken failed"));
            });
  }

  @Test
  void aPermanentErrorIsRecordedAtOnceAndNotRetried() {
    FleetHarness h = harness(3);
    h.fleet.add("gone", "core").failAlways("gone", ErrorCode.REPO_NOT_FOUND);
    String sweepId = h.startSweep().call().sweep().sweepId();

    h.drain();

    assertThat(h.fleet.resolves("gone")).isEqualTo(1);
    assertThat(h.fleet.fetches("gone")).isZero();
    assertThat(h.embedded.queue().deadLetters()).isEmpty();
    assertThat(h.embedded.results().sweepEntry(sweepId, "gone").map(SweepEntry::errorCode))
        .contains(Optional.of(ErrorCode.REPO_NOT_FOUND));
    assertThat(h.embedded.results().progress(sweepId).failed()).isEqualTo(1);
  }

  @Test
  void resumingASweepResendsTheRepositoriesNotYetDoneAndRecoversALostJob() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("bravo", "core").add("charlie", "core");
    StartSweep.Started started = h.startSweep().sweepId("nightly-1").call();
    List<JobQueue.Delivery> lost = h.embedded.queue().receive(1);
    new QueuePoller(h.embedded.queue(), h.worker(), 1).pollOnce();
    h.embedded.queue().delete(lost.get(0).receiptHandle());

    StartSweep.Started resumed = h.startSweep().sweepId("nightly-1").call();
    h.drain();

    assertThat(started.jobsSent()).isEqualTo(3);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.jobsSent()).isEqualTo(2);
    assertThat(h.embedded.results().progress("nightly-1"))
        .isEqualTo(new SweepProgress("nightly-1", 3, 3, 0));
    assertThatThrownBy(() -> h.startSweep().sweepId("../x"))
        .isInstanceOf(FleetcheckException.class);
  }

  @Test
  void anOnDemandRequestWithAnIdempotencyKeyQueuesOneScan() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    RepoRef alpha = h.fleet.list().get(0);
    RequestScan request = new RequestScan(h.embedded.queue(), h.embedded.results(), h.clock);

    RequestScan.Requested first = request.call(alpha, Optional.of("ci-run-42"));
    RequestScan.Requested again = request.call(alpha, Optional.of("ci-run-42"));
    h.drain();

    assertThat(first.queued()).isTrue();
    assertThat(again).isEqualTo(new RequestScan.Requested(first.jobId(), false));
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(h.embedded.results().history("alpha", PageRequest.first(10)).items())
        .singleElement()
        .satisfies(s -> assertThat(s.sweepId()).isEmpty());
  }
}
