package dev.fleetcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PackComparisonTest {

  @Test
  void runsBothInPairedRoundsAlternatingWhichGoesFirst() {
    List<String> order = new ArrayList<>();

    ScanBench.PackComparison comparison =
        ScanBench.PackComparison.of(
            () -> {
              order.add("A");
              return 1;
            },
            () -> {
              order.add("B");
              return 1;
            },
            () -> 0);

    assertThat(comparison.rounds()).isEqualTo(ScanBench.PackComparison.ROUNDS);
    List<String> measured = order.subList(order.size() - 2 * comparison.rounds(), order.size());
    for (int round = 0; round < comparison.rounds(); round++) {
      List<String> pair = measured.subList(2 * round, 2 * round + 2);
      assertThat(pair).containsExactly(round % 2 == 0 ? "A" : "B", round % 2 == 0 ? "B" : "A");
    }
    assertThat(comparison.warmupPairs()).isEqualTo(ScanBench.PackComparison.MIN_WARMUP_PAIRS);
    assertThat(comparison.settled()).isTrue();
    assertThat(order).hasSize(2 * (comparison.rounds() + comparison.warmupPairs()));
  }

  @Test
  void warmsUpUntilTheCompilerIsQuietThenCountsItsTimeInTheRounds() {
    AtomicLong compiled = new AtomicLong();
    AtomicLong scans = new AtomicLong();
    // The compiler works 10 s per scan for the first 11 scans (the first 5 pairs and one scan of
    // the sixth), then 1 ms per scan of at least 25 ms: far above 5% of a pair's wall time, then
    // below it.
    Supplier<Integer> scan =
        () -> {
          if (scans.incrementAndGet() <= 11) {
            compiled.addAndGet(10_000);
          } else {
            compiled.addAndGet(1);
            sleep(25);
          }
          return 1;
        };
    ScanBench.PackComparison comparison = ScanBench.PackComparison.of(scan, scan, compiled::get);

    assertThat(comparison.warmupPairs()).isEqualTo(7);
    assertThat(comparison.settled()).isTrue();
    assertThat(comparison.roundsCompileMs()).isEqualTo(2L * comparison.rounds());
  }

  @Test
  void stopsWarmingUpAtTheCapWhenTheCompilerNeverSettles() {
    AtomicLong compiled = new AtomicLong();

    ScanBench.PackComparison comparison =
        ScanBench.PackComparison.of(() -> 1, () -> 1, () -> compiled.addAndGet(10_000));

    assertThat(comparison.warmupPairs()).isEqualTo(ScanBench.PackComparison.MAX_WARMUP_PAIRS);
    assertThat(comparison.settled()).isFalse();
  }

  @Test
  void theRatioIsTheMedianOfTheRoundsRatios() {
    ScanBench.PackComparison even =
        new ScanBench.PackComparison(10, 14, new double[] {1.2, 1.4, 1.6, 3.0}, 2, true, 0);
    ScanBench.PackComparison odd =
        new ScanBench.PackComparison(10, 14, new double[] {1.2, 1.4, 9.0}, 2, true, 0);

    assertThat(even.medianRatio()).isEqualTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(odd.medianRatio()).isEqualTo(1.4);
    assertThat(even.lowerQuartileRatio()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(even.upperQuartileRatio()).isEqualTo(2.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(odd.lowerQuartileRatio()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(odd.upperQuartileRatio()).isEqualTo(5.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(even.lowestRatio()).isEqualTo(1.2);
    assertThat(even.highestRatio()).isEqualTo(3.0);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
