package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    assertThatThrownBy(
            () ->
                RuleThreads.map(
                    IntStream.range(0, 10_000).boxed().toList(),
                    i -> {
                      ran.incrementAndGet();
                      if (i == 3) {
                        throw new IllegalArgumentException("rule 3 broke");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 3 broke");
    assertThat(ran.get()).isLessThan(10_000);
  }

  @Test
  void anEmptyOrSingleListRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();

    assertThat(RuleThreads.map(List.<Integer>of(), i -> i)).isEmpty();
    assertThat(RuleThreads.map(List.of(1), i -> Thread.currentThread() == caller))
        .containsExactly(true);
  }
}
