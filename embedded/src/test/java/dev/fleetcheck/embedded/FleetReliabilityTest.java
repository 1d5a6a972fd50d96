package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.FleetHarness.RULE_A;
import static dev.fleetcheck.embedded.FleetHarness.RULE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.fleet.Attempt;
import dev.fleetcheck.core.fleet.JobResult;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.RepoFetcher;
import java.nio.file.Path;
import java.time.Duration;
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

/** At-least-once delivery, concurrency and crashes on the embedded default, at fleet scale. */
@Tag("integration")
class FleetReliabilityTest {

  @TempDir Path root;
  private FleetHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void theSameJobDeliveredTwiceConcurrentlyYieldsOneResultAndOneCount() throws Exception {
    harness = new FleetHarness(root, 3);
    harness.fleet.add("alpha", "core", RULE_A);
    String sweepId = harness.startSweep().call().sweep().sweepId();
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
    assertThat(harness.embedded.results().history("alpha", PageRequest.first(10)).items())
        .hasSize(1);
    assertThat(harness.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1, 1, 0));
    assertThat(reportFiles()).isEqualTo(1);
  }

  @Test
  void aThousandRepositorySweepLeavesExactlyOneResultPerRepositoryCountedOnce() throws Exception {
    harness = new FleetHarness(root, 3);
    for (int i = 0; i < 1000; i++) {
      harness.fleet.add(
          String.format("repo-%04d", i), "team-" + (i % 7), i % 3 == 0 ? RULE_A : RULE_B);
    }
    String sweepId = harness.startSweep().call().sweep().sweepId();

    long handled =
        new WorkerPool(harness.embedded.queue(), harness::poller, 4, Duration.ofMillis(5))
            .runUntilDrained();

    assertThat(handled).isEqualTo(1000);
    assertThat(harness.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, 1000, 1000, 0));
    assertThat(scanRows()).isEqualTo(new long[] {1000, 1000});
    assertThat(harness.queries().failing(sweepId, RULE_A, PageRequest.first(500)).items())
        .hasSize(334);
    assertThat(harness.embedded.queue().depth()).isEqualTo(new JobQueue.QueueDepth(0, 0, 0));
  }

  @Test
  void workersKilledMidwayAreReplacedAndEveryRepositoryEndsWithOneResultForItsCommit()
      throws Exception {
    harness = new FleetHarness(root, 5);
    int repositories = 200;
    for (int i = 0; i < repositories; i++) {
      harness.fleet.add(String.format("repo-%03d", i), "core", i % 2 == 0 ? RULE_A : RULE_B);
    }
    String sweepId = harness.startSweep().call().sweep().sweepId();

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
    WorkerPool firstLife =
        new WorkerPool(
            harness.embedded.queue(),
            () ->
                new QueuePoller(
                    harness.embedded.queue(),
                    new ScanWorker(
                        harness.scanRepository(dying, harness.embedded.reports()),
                        harness.embedded.queue().maxReceives()),
                    10),
            3,
            Duration.ofMillis(5));
    assertThatThrownBy(firstLife::runUntilDrained).hasRootCauseInstanceOf(SimulatedKill.class);
    // A delivery received and fully processed, but its delete lost with the process.
    JobQueue.Delivery undeleted = harness.embedded.queue().receive(1).get(0);
    harness.worker().handle(List.of(undeleted));
    SweepProgress beforeRestart = harness.embedded.results().progress(sweepId);
    assertThat(beforeRestart.done()).isBetween(1, repositories - 1);

    // Second life: nothing kept in memory, a new database handle, new workers.
    harness.restart();
    harness.clock.advance(FleetHarness.VISIBILITY.plusSeconds(1));
    new WorkerPool(harness.embedded.queue(), harness::poller, 3, Duration.ofMillis(5))
        .runUntilDrained();

    assertThat(harness.embedded.results().progress(sweepId))
        .isEqualTo(new SweepProgress(sweepId, repositories, repositories, 0));
    assertThat(scanRows()).isEqualTo(new long[] {repositories, repositories});
    for (RepoRef repo : harness.fleet.list()) {
      var history = harness.embedded.results().history(repo.name(), PageRequest.first(10)).items();
      assertThat(history)
          .singleElement()
          .satisfies(
              scan -> {
                assertThat(scan.commit()).isEqualTo(harness.fleet.commitOf(repo.name()));
                String key = ((ScanOutcome.Succeeded) scan.outcome()).reportKey();
                assertThat(harness.embedded.reports().get(key)).isPresent();
              });
    }
    assertThat(harness.embedded.queue().deadLetters()).isEmpty();
  }

  /** Stands for kill -9: not an exception any layer handles. */
  private static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** [scan rows, distinct (repository, commit) pairs]. */
  private long[] scanRows() {
    return harness
        .embedded
        .database()
        .read(
            c -> {
              try (var s = c.createStatement();
                  var rows =
                      s.executeQuery(
                          "SELECT COUNT(*), COUNT(DISTINCT repository || ' ' || commit_sha)"
                              + " FROM scan")) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
              }
            });
  }

  private long reportFiles() throws java.io.IOException {
    try (var walk = java.nio.file.Files.walk(harness.embedded.reports().root())) {
      return walk.filter(java.nio.file.Files::isRegularFile).count();
    }
  }
}
