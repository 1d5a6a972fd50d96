package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RuleThreadsTest {

  @Test
  void resultsComeBackInTheItemsOrderWhateverThreadRanThem() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();

    List<String> results =
        RuleThreads.map(
            items,
            i -> {
              if (i % 7 == 0) {
                Thread.yield();
              }
              return "r" + i;
            });

    assertThat(results).isEqualTo(items.stream().map(i -> "r" + i).toList());
  }

  @Test
  void everyItemRunsExactlyOnce() {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();

    RuleThreads.map(
        IntStream.range(0, 300).boxed().toList(),
        i -> {
          calls.incrementAndGet();
          seen.add(i);
          return i;
        });

    assertThat(calls).hasValue(300);
    assertThat(seen).hasSize(300);
  }

  @Test
  void theFirstFailureIsRethrownUnchangedAndTheRestIsSkipped() {
    AtomicInteger ran = new AtomicInteger();
    // Items after the failing one wait until it is about to throw: otherwise a thread that took
    // item 3 and was then descheduled (a loaded machine) lets the others run every item first.
    CountDownLatch failing = new CountDownLatch(1);
    IllegalArgumentException broke = new IllegalArgumentException("rule 3 broke");

    assertThatThrownBy(
            () ->
                RuleThreads.map(
                    IntStream.range(0, 10_000).boxed().toList(),
                    i -> {
                      ran.incrementAndGet();
                      if (i == 3) {
                        failing.countDown();
                        throw broke;
                      }
                      if (i > 3) {
                        awaitQuietly(failing);
                      }
                      return i;
                    }))
        .isSameAs(broke);
    assertThat(ran.get()).isLessThan(10_000);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anEmptyOrSingleListRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();

    assertThat(RuleThreads.map(List.<Integer>of(), i -> i)).isEmpty();
    assertThat(RuleThreads.map(List.of(1), i -> Thread.currentThread() == caller))
        .containsExactly(true);
  }
}
