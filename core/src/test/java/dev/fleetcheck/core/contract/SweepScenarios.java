package dev.fleetcheck.core.contract;

import static dev.fleetcheck.core.contract.FleetHarness.RULE_A;
import static dev.fleetcheck.core.contract.FleetHarness.RULE_B;
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
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepTrigger;
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
import dev.fleetcheck.core.port.ReportStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep scenarios every adapter set must pass, driven through the fleet use cases: subclass
 * with the adapter set's factory (the embedded default runs it in module embedded, the AWS adapters
 * against their local endpoint).
 */
public abstract class SweepScenarios {

  @TempDir protected Path root;
  private FleetHarness harness;

  /** Opens the adapter set under test over fresh storage. */
  protected abstract FleetAdapters.Factory adapters();

  private FleetHarness harness(int maxReceives) {
    harness = new FleetHarness(root, maxReceives, adapters());
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

    StartSweep.Started started = h.startSweep().call(SweepTrigger.fresh());

    assertThat(started.resumed()).isFalse();
    assertThat(started.jobsSent()).isEqualTo(23);
    assertThat(h.adapters.results().progress(started.sweep().sweepId()))
        .isEqualTo(new SweepProgress(started.sweep().sweepId(), 23, 0, 0));
    assertThat(h.adapters.queue().depth()).isEqualTo(new JobQueue.QueueDepth(23, 0, 0));
  }

  @Test
  void aSweepLeavesOneResultPerRepositoryWhoseReportIsReadable() {
    FleetHarness h = harness(3);
    h.fleet
        .add("alpha", "payments", RULE_A)
        .add("bravo", "search")
        .add("charlie", "search", RULE_A, RULE_B);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

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
    String first = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    h.drain();
    String firstAlphaScan =
        ScanId.of("alpha", h.fleet.commitOf("alpha"), h.scanner.rulePackDigest());

    h.clock.advance(java.time.Duration.ofDays(1));
    h.fleet.commit("alpha", RULE_A, RULE_B).commit("bravo");
    String second = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    h.drain();

    String alphaScan = ScanId.of("alpha", h.fleet.commitOf("alpha"), h.scanner.rulePackDigest());
    List<FailingRule> failing = h.adapters.results().failingRules(alphaScan);
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

    CompareSweeps.SweepChanges changes = new CompareSweeps(h.adapters.results()).call(second);
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
    h.startSweep().call(SweepTrigger.fresh());
    h.drain();
    String second = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    h.drain();

    assertThat(h.adapters.results().history("alpha", PageRequest.first(10)).items()).hasSize(1);
    assertThat(h.adapters.results().progress(second).done()).isEqualTo(1);
    assertThat(h.queries().failing(second, RULE_A, PageRequest.first(10)).items()).hasSize(1);
  }

  @Test
  void aDuplicateDeliveryYieldsOneResultCountedOnce() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());
    h.adapters.queue().sendBatch(List.of(job));

    assertThat(h.drain()).isEqualTo(2);

    assertThat(h.adapters.results().history("alpha", PageRequest.first(10)).items()).hasSize(1);
    assertThat(h.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
  }

  @Test
  void aScanRecordNeverPointsAtAMissingReport() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
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

    // A local write failure halts the worker and keeps the message; the repository is not blamed.
    assertThat(result)
        .isInstanceOfSatisfying(
            JobResult.Halted.class,
            f -> assertThat(f.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED));
    assertThat(result.deleteMessage()).isFalse();
    assertThat(h.adapters.results().history("alpha", PageRequest.first(10)).items()).isEmpty();
    assertThat(h.adapters.results().progress(sweepId).pending()).isEqualTo(1);
  }

  @Test
  void aRepositoryThatAlwaysFailsIsDeadLetteredAndCountedAsFailedWithoutHurtingItsBatchMates() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("broken", "core").add("charlie", "core", RULE_B);
    h.fleet.failAlways("broken", ErrorCode.CLONE_TIMEOUT);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    h.drain();

    // Each delivery fails when the remote's head is asked for, before any clone.
    assertThat(h.fleet.resolves("broken")).isEqualTo(3);
    assertThat(h.fleet.fetches("broken")).isZero();
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(JobQueueContract.deadLetters(h.adapters.queue()))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.receiveCount()).isEqualTo(3);
              // Queues that cannot keep a reason on the message (SQS) answer none; the reason
              // then survives on the failed scan record, checked below.
              assertThat(dead.lastFailure())
                  .satisfiesAnyOf(
                      reason -> assertThat(reason).isEmpty(),
                      reason -> assertThat(reason).startsWith("clone_timeout:"));
              assertThat(
                      dev.fleetcheck.core.fleet.ScanJobCodec.decode(dead.body())
                          .repository()
                          .name())
                  .isEqualTo("broken");
            });
    assertThat(h.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 3, 2, 1));
    assertThat(h.queries().failedEntries(sweepId, PageRequest.first(10)).items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.repository()).isEqualTo("broken");
              assertThat(e.errorCode()).contains(ErrorCode.CLONE_TIMEOUT);
              assertThat(h.adapters.results().scan(e.scanId()).orElseThrow().outcome())
                  .isEqualTo(
                      new ScanOutcome.Failed(ErrorCode.CLONE_TIMEOUT, "fetch of broken failed"));
            });
  }

  @Test
  void aPermanentErrorIsRecordedAtOnceAndNotRetried() {
    FleetHarness h = harness(3);
    h.fleet.add("gone", "core").failAlways("gone", ErrorCode.REPO_NOT_FOUND);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    h.drain();

    assertThat(h.fleet.resolves("gone")).isEqualTo(1);
    assertThat(h.fleet.fetches("gone")).isZero();
    assertThat(JobQueueContract.deadLetters(h.adapters.queue())).isEmpty();
    assertThat(h.adapters.results().sweepEntry(sweepId, "gone").map(SweepEntry::errorCode))
        .contains(Optional.of(ErrorCode.REPO_NOT_FOUND));
    assertThat(h.adapters.results().progress(sweepId).failed()).isEqualTo(1);
  }

  @Test
  void resumingASweepResendsTheRepositoriesNotYetDoneAndRecoversALostJob() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("bravo", "core").add("charlie", "core");
    StartSweep.Started started = h.startSweep().call(SweepTrigger.named("nightly-1"));
    List<JobQueue.Delivery> lost = h.adapters.queue().receive(1);
    h.pollOnce(h.worker(), 1);
    h.adapters.queue().delete(lost.get(0).receiptHandle());

    StartSweep.Started resumed = h.startSweep().call(SweepTrigger.named("nightly-1"));
    h.drain();

    assertThat(started.jobsSent()).isEqualTo(3);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.jobsSent()).isEqualTo(2);
    assertThat(h.adapters.results().progress("nightly-1"))
        .isEqualTo(new SweepProgress("nightly-1", 3, 3, 0));
    assertThatThrownBy(() -> h.startSweep().call(SweepTrigger.named("../x")))
        .isInstanceOf(FleetcheckException.class);
  }

  @Test
  void anOnDemandRequestWithAnIdempotencyKeyQueuesOneScan() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    RepoRef alpha = h.fleet.list().get(0);
    RequestScan request = h.runtime().requestScan();

    RequestScan.Requested first = request.call(alpha, Optional.of("ci-run-42"));
    RequestScan.Requested again = request.call(alpha, Optional.of("ci-run-42"));
    h.drain();

    assertThat(first.queued()).isTrue();
    assertThat(again).isEqualTo(new RequestScan.Requested(first.jobId(), false));
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
    assertThat(h.adapters.results().history("alpha", PageRequest.first(10)).items())
        .singleElement()
        .satisfies(s -> assertThat(s.sweepId()).isEmpty());
  }

  @Test
  void aRetriedScheduledTriggerResumesTheSweepItStartedInsteadOfStartingASecond() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("bravo", "core");
    StartSweep start = h.startSweep();
    SweepTrigger schedule = SweepTrigger.scheduled(Instant.parse("2026-06-01T02:00:00Z"));

    StartSweep.Started first = start.call(schedule);
    h.drain();
    StartSweep.Started retried = start.call(schedule);
    StartSweep.Started nextWeek =
        start.call(SweepTrigger.scheduled(Instant.parse("2026-06-08T02:00:00Z")));

    assertThat(first.sweep().sweepId()).isEqualTo("sw-20260601T020000Z");
    assertThat(retried.sweep().sweepId()).isEqualTo(first.sweep().sweepId());
    assertThat(retried.resumed()).isTrue();
    assertThat(retried.jobsSent()).as("every repository is done").isZero();
    assertThat(nextWeek.resumed()).isFalse();
    assertThat(nextWeek.sweep().sweepId()).isEqualTo("sw-20260608T020000Z");
    assertThat(h.adapters.results().sweeps(PageRequest.first(10)).items()).hasSize(2);
  }

  @Test
  void oneStartSweepServesManyTriggersAndKeepsNothingBetweenThem() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core");
    StartSweep start = h.startSweep();

    String named = start.call(SweepTrigger.named("manual-1")).sweep().sweepId();
    String fresh = start.call(SweepTrigger.fresh()).sweep().sweepId();
    String another = start.call(SweepTrigger.fresh()).sweep().sweepId();

    assertThat(named).isEqualTo("manual-1");
    assertThat(fresh).isNotEqualTo(named).startsWith("sw-");
    assertThat(another).isNotIn(named, fresh);
    assertThatThrownBy(() -> start.call(SweepTrigger.resume("never-started")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SWEEP_NOT_FOUND));
  }

  @Test
  void aRetriedScanOverwritesTheReportUnderTheKeyItsScanIdNames() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core", RULE_A);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    ScanJob job = ScanJob.forSweep(sweepId, h.fleet.list().get(0), h.clock.instant());
    List<String> keys = new java.util.ArrayList<>();
    var crashingAfterPut =
        new dev.fleetcheck.core.port.ReportStore() {
          @Override
          public void put(String key, byte[] content) {
            h.adapters.reports().put(key, content);
            keys.add(key);
            throw new IllegalStateException("process killed after the report was written");
          }

          @Override
          public Optional<byte[]> get(String key) {
            return h.adapters.reports().get(key);
          }

          @Override
          public void delete(String key) {
            h.adapters.reports().delete(key);
          }
        };

    JobResult crashed = h.scanRepository(h.fleet, crashingAfterPut).call(job, new Attempt(1, 3));
    JobResult retried = h.scanRepository().call(job, new Attempt(2, 3));

    // A report store that fails is this machine's failure: the worker halts, the message stays.
    assertThat(crashed).isInstanceOf(JobResult.Halted.class);
    assertThat(crashed.deleteMessage()).isFalse();
    String scanId = ((JobResult.Completed) retried).scanId();
    assertThat(keys).containsExactly(ScanRepository.reportKey(scanId));
    assertThat(h.adapters.reportCount()).as("the retry overwrote; no orphan").isEqualTo(1);
    ScanRecord record = h.adapters.results().scan(scanId).orElseThrow();
    assertThat(((ScanOutcome.Succeeded) record.outcome()).reportKey())
        .isEqualTo(ScanRepository.reportKey(scanId));
    assertThat(h.queries().report(scanId).repository().name()).isEqualTo("alpha");
  }

  @Test
  void aReusedIdempotencyKeyWithAnotherRequestIsAConflict() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core").add("bravo", "core");
    RequestScan request = h.runtime().requestScan();
    request.call(h.fleet.list().get(0), Optional.of("ci-run-7"));

    assertThatThrownBy(() -> request.call(h.fleet.list().get(1), Optional.of("ci-run-7")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
    assertThat(h.adapters.queue().depth().visible()).isEqualTo(1);
  }

  @Test
  void aFailedSendLeavesTheIdempotencyKeyFreeSoARetryQueues() {
    FleetHarness h = harness(3);
    h.fleet.add("alpha", "core");
    RepoRef alpha = h.fleet.list().get(0);
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    JobQueue flaky =
        new ForwardingJobQueue(h.adapters.queue()) {
          @Override
          public void sendBatch(List<ScanJob> jobs) {
            if (down.get()) {
              throw new FleetcheckException(ErrorCode.STORE_FAILED, "queue unavailable");
            }
            super.sendBatch(jobs);
          }
        };
    RequestScan request = new RequestScan(flaky, h.adapters.results(), h.clock);

    assertThatThrownBy(() -> request.call(alpha, Optional.of("ci-run-9")))
        .isInstanceOf(FleetcheckException.class);
    down.set(false);
    RequestScan.Requested retried = request.call(alpha, Optional.of("ci-run-9"));
    RequestScan.Requested again = request.call(alpha, Optional.of("ci-run-9"));

    assertThat(retried.queued()).isTrue();
    assertThat(again).isEqualTo(new RequestScan.Requested(retried.jobId(), false));
    assertThat(h.drain()).isEqualTo(1);
    assertThat(h.fleet.fetches("alpha")).isEqualTo(1);
  }

  /** The adapter set's report store, failing every write while {@code broken} is set. */
  private record FullDisk(ReportStore folder, AtomicBoolean broken, AtomicInteger attempts)
      implements ReportStore {
    @Override
    public void put(String key, byte[] content) {
      attempts.incrementAndGet();
      if (broken.get()) {
        throw new FleetcheckException(
            ErrorCode.OUTPUT_WRITE_FAILED, "cannot write report " + key + ": No space left");
      }
      folder.put(key, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
      return folder.get(key);
    }

    @Override
    public void delete(String key) {
      folder.delete(key);
    }
  }

  @Test
  void theFirstLocalWriteFailureStopsThePollerAndResumeCompletesWithNothingLost() {
    FleetHarness h = harness(3);
    for (int i = 0; i < 4; i++) {
      h.fleet.add("repo-" + i, "team", RULE_A);
    }
    FullDisk disk =
        new FullDisk(h.adapters.reports(), new AtomicBoolean(true), new AtomicInteger());
    ScanWorker broken = new ScanWorker(h.scanRepository(h.fleet, disk), 3);
    String sweepId = h.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    assertThatThrownBy(() -> h.pollOnce(broken, JobQueue.MAX_BATCH))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED))
        .hasMessageContaining("No space left");

    assertThat(disk.attempts()).as("stopped at the first failure").hasValue(1);
    assertThat(h.adapters.results().progress(sweepId))
        .as("no repository is blamed for the full disk")
        .isEqualTo(new SweepProgress(sweepId, 4, 0, 0));
    assertThat(JobQueueContract.deadLetters(h.adapters.queue())).isEmpty();

    disk.broken().set(false);
    h.startSweep().call(SweepTrigger.named(sweepId));
    h.drain();

    assertThat(h.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 4, 4, 0));
    for (RepoRef repo : h.fleet.list()) {
      assertThat(h.adapters.results().history(repo.name(), PageRequest.first(10)).items())
          .as(repo.name())
          .hasSize(1);
    }
  }
}
