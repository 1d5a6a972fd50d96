package dev.fleetcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.FleetcheckException;
import org.junit.jupiter.api.Test;

class ScoreBandTest {

  @Test
  void eachBandIncludesItsLowerBound() {
    assertThat(ScoreBand.of(0.0)).isEqualTo(ScoreBand.CRITICAL);
    assertThat(ScoreBand.of(49.9)).isEqualTo(ScoreBand.CRITICAL);
    assertThat(ScoreBand.of(50.0)).isEqualTo(ScoreBand.WEAK);
    assertThat(ScoreBand.of(70.0)).isEqualTo(ScoreBand.FAIR);
    assertThat(ScoreBand.of(89.9)).isEqualTo(ScoreBand.FAIR);
    assertThat(ScoreBand.of(100.0)).isEqualTo(ScoreBand.STRONG);
  }

  @Test
  void parsesItsIdsAndRejectsOthers() {
    assertThat(ScoreBand.fromId("weak")).isEqualTo(ScoreBand.WEAK);
    assertThatThrownBy(() -> ScoreBand.fromId("great")).isInstanceOf(FleetcheckException.class);
  }
}
