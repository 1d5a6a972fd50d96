package dev.fleetcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
            });

    assertThat(comparison.rounds()).isEqualTo(ScanBench.PackComparison.ROUNDS);
    List<String> measured = order.subList(order.size() - 2 * comparison.rounds(), order.size());
    for (int round = 0; round < comparison.rounds(); round++) {
      List<String> pair = measured.subList(2 * round, 2 * round + 2);
      assertThat(pair).containsExactly(round % 2 == 0 ? "A" : "B", round % 2 == 0 ? "B" : "A");
    }
    assertThat(order).hasSize(2 * comparison.rounds() + 4);
  }

  @Test
  void theRatioIsTheMedianOfTheRoundsRatios() {
    ScanBench.PackComparison even =
        new ScanBench.PackComparison(10, 14, new double[] {1.2, 1.4, 1.6, 3.0});
    ScanBench.PackComparison odd =
        new ScanBench.PackComparison(10, 14, new double[] {1.2, 1.4, 9.0});

    assertThat(even.medianRatio()).isEqualTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(odd.medianRatio()).isEqualTo(1.4);
    assertThat(even.lowestRatio()).isEqualTo(1.2);
    assertThat(even.highestRatio()).isEqualTo(3.0);
  }
}
