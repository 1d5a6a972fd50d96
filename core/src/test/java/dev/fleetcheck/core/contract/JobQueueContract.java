package dev.fleetcheck.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} adapter must do, SQS semantics included. Subclass it with a fresh,
 * empty queue and a way to let the visibility timeout of current deliveries lapse (moving a test
 * clock, or waiting out a short timeout against a real queue).
 */
public abstract class JobQueueContract {

  /** A queue under test and the means to make in-flight deliveries visible again. */
  public record QueueFixture(JobQueue queue, Runnable expireVisibility) {}

  protected abstract QueueFixture newQueue(int maxReceives);

  protected static ScanJob job(String name) {
    return ScanJob.forSweep(
        "sw-1",
        new RepoRef(name, "https://git.example/" + name, "core", ""),
        Instant.parse("2026-06-01T10:00:00Z"));
  }

  private static List<ScanJob> jobs(int count) {
    return IntStream.range(0, count).mapToObj(i -> job("repo-" + i)).toList();
  }

  private static Set<String> names(List<Delivery> deliveries) {
    Set<String> names = new HashSet<>();
    for (Delivery delivery : deliveries) {
      names.add(ScanJobCodec.decode(delivery.body()).repository().name());
    }
    return names;
  }

  private static List<Delivery> receiveAll(JobQueue queue) {
    List<Delivery> all = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      List<Delivery> batch = queue.receive(JobQueue.MAX_BATCH);
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
    }
    return all;
  }

  @Test
  void deliversWhatWasSentOnceUntilTheVisibilityTimeoutLapses() {
    QueueFixture fixture = newQueue(3);
    fixture.queue().sendBatch(List.of(job("alpha"), job("bravo")));

    List<Delivery> first = receiveAll(fixture.queue());

    assertThat(names(first)).containsExactlyInAnyOrder("alpha", "bravo");
    assertThat(first).allSatisfy(d -> assertThat(d.receiveCount()).isEqualTo(1));
    assertThat(ScanJobCodec.decode(first.get(0).body()).sweepId()).isEqualTo("sw-1");
    assertThat(fixture.queue().receive(JobQueue.MAX_BATCH)).isEmpty();
  }

  @Test
  void sendsAndReceivesAtMostTenPerCall() {
    QueueFixture fixture = newQueue(3);

    assertThatThrownBy(() -> fixture.queue().sendBatch(jobs(11)))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));

    fixture.queue().sendBatch(jobs(10));
    fixture.queue().sendBatch(jobs(5));
    assertThat(fixture.queue().receive(JobQueue.MAX_BATCH).size()).isBetween(1, 10);
    assertThat(receiveAll(fixture.queue()).size()).isLessThanOrEqualTo(15);
  }

  @Test
  void aDeletedMessageIsNeverDeliveredAgain() {
    QueueFixture fixture = newQueue(3);
    fixture.queue().sendBatch(List.of(job("alpha")));
    Delivery delivery = receiveAll(fixture.queue()).get(0);

    assertThat(fixture.queue().delete(delivery.receiptHandle())).isTrue();
    fixture.expireVisibility().run();

    assertThat(receiveAll(fixture.queue())).isEmpty();
  }

  @Test
  void anUnacknowledgedMessageIsRedeliveredWithAHigherReceiveCount() {
    QueueFixture fixture = newQueue(3);
    fixture.queue().sendBatch(List.of(job("alpha")));
    Delivery first = receiveAll(fixture.queue()).get(0);

    fixture.expireVisibility().run();
    List<Delivery> again = receiveAll(fixture.queue());

    assertThat(again).hasSize(1);
    assertThat(again.get(0).messageId()).isEqualTo(first.messageId());
    assertThat(again.get(0).receiveCount()).isEqualTo(2);
    assertThat(again.get(0).receiptHandle()).isNotEqualTo(first.receiptHandle());
  }

  @Test
  void aStaleReceiptDoesNotDeleteTheNewDelivery() {
    QueueFixture fixture = newQueue(5);
    fixture.queue().sendBatch(List.of(job("alpha")));
    Delivery stale = receiveAll(fixture.queue()).get(0);
    fixture.expireVisibility().run();
    Delivery current = receiveAll(fixture.queue()).get(0);

    assertThat(fixture.queue().delete(stale.receiptHandle())).isFalse();
    fixture.expireVisibility().run();
    List<Delivery> third = receiveAll(fixture.queue());

    assertThat(third).hasSize(1);
    assertThat(fixture.queue().delete(current.receiptHandle())).isFalse();
    assertThat(fixture.queue().delete(third.get(0).receiptHandle())).isTrue();
  }

  @Test
  void aMessageReceivedTooOftenMovesToTheDeadLetterQueue() {
    QueueFixture fixture = newQueue(2);
    fixture.queue().sendBatch(List.of(job("poison"), job("fine")));

    for (int receive = 1; receive <= 2; receive++) {
      for (Delivery d : receiveAll(fixture.queue())) {
        if (names(List.of(d)).contains("fine")) {
          fixture.queue().delete(d.receiptHandle());
        } else {
          fixture.queue().fail(d.receiptHandle(), "clone_failed: attempt " + receive);
        }
      }
      fixture.expireVisibility().run();
    }

    assertThat(receiveAll(fixture.queue())).isEmpty();
    List<JobQueue.DeadLetter> dead = deadLetters(fixture.queue());
    assertThat(dead).hasSize(1);
    assertThat(ScanJobCodec.decode(dead.get(0).body()).repository().name()).isEqualTo("poison");
    assertThat(dead.get(0).receiveCount()).isEqualTo(2);
    assertThat(fixture.queue().depth().drained()).isTrue();
    assertThat(fixture.queue().depth().deadLettered()).isEqualTo(1);
  }

  @Test
  void deadLettersArePagedOldestFirstAndEveryOneIsListedOnce() {
    QueueFixture fixture = newQueue(1);
    List<String> names = IntStream.range(0, 25).mapToObj(i -> String.format("r-%02d", i)).toList();
    for (int from = 0; from < names.size(); from += JobQueue.MAX_BATCH) {
      fixture
          .queue()
          .sendBatch(
              names.subList(from, Math.min(names.size(), from + JobQueue.MAX_BATCH)).stream()
                  .map(JobQueueContract::job)
                  .toList());
    }
    for (Delivery d : receiveAll(fixture.queue())) {
      fixture.queue().fail(d.receiptHandle(), "scan_failed: " + d.messageId());
    }
    fixture.expireVisibility().run();
    assertThat(receiveAll(fixture.queue())).isEmpty();

    Page<JobQueue.DeadLetter> first = fixture.queue().deadLetters(PageRequest.first(10));
    assertThat(first.items()).hasSize(10);
    assertThat(first.next()).isPresent();
    List<JobQueue.DeadLetter> all = deadLetters(fixture.queue());
    assertThat(all).hasSize(25);
    assertThat(all.stream().map(d -> ScanJobCodec.decode(d.body()).repository().name()))
        .containsExactlyInAnyOrderElementsOf(names);
    assertThat(all.stream().map(JobQueue.DeadLetter::messageId)).doesNotHaveDuplicates();
  }

  /** Every dead letter, following the pages to the end. */
  public static List<JobQueue.DeadLetter> deadLetters(JobQueue queue) {
    List<JobQueue.DeadLetter> all = new ArrayList<>();
    PageRequest request = PageRequest.first(7);
    for (int pages = 0; pages < 10_000; pages++) {
      Page<JobQueue.DeadLetter> page = queue.deadLetters(request);
      assertThat(page.items().size()).isLessThanOrEqualTo(7);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = PageRequest.after(page.next().get(), 7);
    }
    throw new AssertionError("the dead-letter listing never ended");
  }

  @Test
  void concurrentConsumersNeverShareADelivery() throws Exception {
    QueueFixture fixture = newQueue(3);
    for (int batch = 0; batch < 6; batch++) {
      int base = batch * 10;
      fixture
          .queue()
          .sendBatch(IntStream.range(base, base + 10).mapToObj(i -> job("repo-" + i)).toList());
    }
    ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      executor.submit(
          () -> {
            start.await();
            for (int round = 0; round < 40; round++) {
              received.addAll(fixture.queue().receive(3));
            }
            return null;
          });
    }
    start.countDown();
    executor.shutdown();
    assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    List<String> ids = received.stream().map(Delivery::messageId).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(60);
  }
}
