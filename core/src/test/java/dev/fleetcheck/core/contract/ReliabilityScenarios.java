package dev.fleetcheck.core.contract;

import static dev.fleetcheck.core.contract.FleetHarness.RULE_A;
import static dev.fleetcheck.core.contract.FleetHarness.RULE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.JobResult;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.RepoFetcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once delivery, concurrency and crashes at fleet scale, for every adapter set: subclass
 * with the adapter set's factory. Tagged integration: a thousand repositories take a while.
 */
@Tag("integration")
public abstract class ReliabilityScenarios {

  @TempDir protected Path root;
  private FleetHarness harness;

  /** Opens the adapter set under test over fresh storage (or the same storage on restart). */
  protected abstract FleetAdapters.Factory adapters();

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void theSameJobDeliveredTwiceConcurrentlyYieldsOneResultAndOneCount() throws Exception {
    harness = new FleetHarness(root, 3, adapters());
    harness.fleet.add("alpha", "core", RULE_A);
    String sweepId = harness.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();
    RepoRef alpha = harness.fleet.list().get(0);
    ScanJob job = ScanJob.forSweep(sweepId, alpha, harness.clock.instant());
    ScanRepository scan = harness.scanRepository();
    int deliveries = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(deliveries);
    List<JobResult> results = new ArrayList<>();
    try {
      List<Future<JobResult>> running = new ArrayList<>();
      for (int i = 0; i < deliveries; i++) {
        running.add(
            executor.submit(
                () -> {
                  start.await();
                  return scan.call(job, new Attempt(1, 3));
                }));
      }
      start.countDown();
      for (Future<JobResult> future : running) {
        results.add(future.get());
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(JobResult.Completed.class));
    assertThat(results).filteredOn(r -> ((JobResult.Completed) r).counted()).hasSize(1);
    assertThat(harness.adapters.results().history("alpha", PageRequest.first(10)).items())
        .hasSize(1);
    assertThat(harness.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
    assertThat(harness.adapters.reportCount()).isEqualTo(1);
  }

  @Test
  void aThousandRepositorySweepLeavesExactlyOneResultPerRepositoryCountedOnce() throws Exception {
    harness = new FleetHarness(root, 3, adapters());
    for (int i = 0; i < 1000; i++) {
      harness.fleet.add(
          String.format("repo-%04d", i), "team-" + (i % 7), i % 3 == 0 ? RULE_A : RULE_B);
    }
    String sweepId = harness.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    long handled = Workers.drainConcurrently(harness.queue(), harness::worker, 4, 10);

    assertThat(handled).isEqualTo(1000);
    assertThat(harness.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1000, 1000, 0));
    assertThat(scanRows()).isEqualTo(new long[] {1000, 1000});
    assertThat(harness.adapters.reportCount()).isEqualTo(1000);
    assertThat(harness.queries().failing(sweepId, RULE_A, PageRequest.first(500)).items())
        .hasSize(334);
    assertThat(harness.adapters.queue().depth()).isEqualTo(new JobQueue.QueueDepth(0, 0, 0));
  }

  @Test
  void workersKilledMidwayAreReplacedAndEveryRepositoryEndsWithOneResultForItsCommit()
      throws Exception {
    harness = new FleetHarness(root, 5, adapters());
    int repositories = 200;
    for (int i = 0; i < repositories; i++) {
      harness.fleet.add(String.format("repo-%03d", i), "core", i % 2 == 0 ? RULE_A : RULE_B);
    }
    String sweepId = harness.startSweep().call(SweepTrigger.fresh()).sweep().sweepId();

    // First life: workers scan until the fetcher "kills" the process (an Error no code catches),
    // leaving messages in flight, reports without records and records not yet counted.
    AtomicInteger fetches = new AtomicInteger();
    RepoFetcher dying =
        repo -> {
          if (fetches.incrementAndGet() > 90) {
            throw new SimulatedKill();
          }
          return harness.fleet.fetch(repo);
        };
    assertThatThrownBy(
            () -> Workers.drainConcurrently(harness.queue(), () -> harness.worker(dying), 3, 10))
        .isInstanceOf(SimulatedKill.class);
    // A delivery received and fully processed, but its delete lost with the process.
    JobQueue.Delivery undeleted = harness.adapters.queue().receive(1).get(0);
    harness.worker().handle(List.of(undeleted));
    SweepProgress beforeRestart = harness.adapters.results().progress(sweepId);
    assertThat(beforeRestart.done()).isBetween(1, repositories - 1);

    // Second life: nothing kept in memory, a new database handle, new workers.
    harness.restart();
    harness.clock.advance(FleetHarness.VISIBILITY.plusSeconds(1));
    Workers.drainConcurrently(harness.queue(), harness::worker, 3, 10);

    assertThat(harness.adapters.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, repositories, repositories, 0));
    assertThat(scanRows()).isEqualTo(new long[] {repositories, repositories});
    for (RepoRef repo : harness.fleet.list()) {
      var history = harness.adapters.results().history(repo.name(), PageRequest.first(10)).items();
      assertThat(history)
          .singleElement()
          .satisfies(
              scan -> {
                assertThat(scan.commit()).isEqualTo(harness.fleet.commitOf(repo.name()));
                String key = ((ScanOutcome.Succeeded) scan.outcome()).reportKey();
                assertThat(harness.adapters.reports().get(key)).isPresent();
              });
    }
    assertThat(JobQueueContract.deadLetters(harness.adapters.queue())).isEmpty();
  }

  /** Stands for kill -9: not an exception any layer handles. */
  private static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** [scan records, distinct (repository, commit) pairs], read through the store's queries. */
  private long[] scanRows() {
    long records = 0;
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (RepoRef repo : harness.fleet.list()) {
      List<ScanRecord> history =
          ResultStoreContract.readAll(
              p -> harness.adapters.results().history(repo.name(), p), 50, r -> r);
      records += history.size();
      history.forEach(r -> pairs.add(r.repository() + " " + r.commit()));
    }
    return new long[] {records, pairs.size()};
  }
}
