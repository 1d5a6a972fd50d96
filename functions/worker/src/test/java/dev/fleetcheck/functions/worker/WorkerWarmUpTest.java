package dev.fleetcheck.functions.worker;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class WorkerWarmUpTest {

  @Test
  void theConstantBatchAndItsJobAreReadWithoutAFailure() {
    // A warm-up that stopped parsing (the job codec's version, the SQS mapping) would fail every
    // cold start's init.
    assertThatCode(WorkerWarmUp::run).doesNotThrowAnyException();
  }
}
