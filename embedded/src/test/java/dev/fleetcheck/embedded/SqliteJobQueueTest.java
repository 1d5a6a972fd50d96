package dev.fleetcheck.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.contract.JobQueueContract;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobQueueTest {

  private static final Duration VISIBILITY = Duration.ofSeconds(30);

  @TempDir Path dataDirectory;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

  private SqliteJobQueue queue(SqliteDatabase db, int maxReceives) {
    return new SqliteJobQueue(db, clock, SqliteJobQueue.DEFAULT_NAME, VISIBILITY, maxReceives);
  }

  private static ScanJob job(String name) {
    return ScanJob.forSweep("sw-1", new RepoRef(name, "u", "", ""), Instant.EPOCH);
  }

  @Test
  void theDeadLetterQueueShowsTheLastFailureReason() {
    try (SqliteDatabase db = SqliteDatabase.open(dataDirectory)) {
      SqliteJobQueue queue = queue(db, 2);
      queue.sendBatch(List.of(job("poison")));
      for (int attempt = 1; attempt <= 2; attempt++) {
        JobQueue.Delivery delivery = queue.receive(1).get(0);
        queue.fail(delivery.receiptHandle(), "clone_timeout: attempt " + attempt);
        clock.advance(VISIBILITY.plusMillis(1));
      }

      assertThat(queue.receive(10)).isEmpty();
      assertThat(JobQueueContract.deadLetters(queue))
          .singleElement()
          .satisfies(d -> assertThat(d.lastFailure()).isEqualTo("clone_timeout: attempt 2"));
    }
  }

  @Test
  void messagesSurviveTheProcessThatSentAndReceivedThem() {
    try (SqliteDatabase db = SqliteDatabase.open(dataDirectory)) {
      SqliteJobQueue queue = queue(db, 3);
      queue.sendBatch(List.of(job("alpha"), job("bravo")));
      JobQueue.Delivery inFlight = queue.receive(1).get(0);
      assertThat(inFlight.receiveCount()).isEqualTo(1);
    }

    clock.advance(VISIBILITY.plusMillis(1));
    try (SqliteDatabase reopened = SqliteDatabase.open(dataDirectory)) {
      SqliteJobQueue queue = queue(reopened, 3);
      List<JobQueue.Delivery> deliveries = queue.receive(10);

      assertThat(deliveries)
          .extracting(d -> ScanJobCodec.decode(d.body()).repository().name())
          .containsExactlyInAnyOrder("alpha", "bravo");
      assertThat(deliveries).extracting(JobQueue.Delivery::receiveCount).contains(2, 1);
    }
  }

  @Test
  void queuesInOneFileAreSeparate() {
    try (SqliteDatabase db = SqliteDatabase.open(dataDirectory)) {
      SqliteJobQueue scans = queue(db, 3);
      SqliteJobQueue other = new SqliteJobQueue(db, clock, "other", VISIBILITY, 3);
      scans.sendBatch(List.of(job("alpha")));

      assertThat(other.receive(10)).isEmpty();
      assertThat(other.depth()).isEqualTo(new JobQueue.QueueDepth(0, 0, 0));
      assertThat(scans.depth()).isEqualTo(new JobQueue.QueueDepth(1, 0, 0));
    }
  }
}
