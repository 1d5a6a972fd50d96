package dev.fleetcheck.functions.sweep;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SweepWarmUpTest {

  @Test
  void theConstantScheduleIsReadIntoItsTriggerWithoutAFailure() {
    // A warm-up that stopped parsing would fail every cold start's init.
    assertThatCode(SweepWarmUp::run).doesNotThrowAnyException();
  }
}
