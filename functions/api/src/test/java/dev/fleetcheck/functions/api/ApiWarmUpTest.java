package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ApiWarmUpTest {

  @Test
  void theConstantRequestGoesThroughTheStreamEntrysMappingWithoutAFailure() {
    // A warm-up that stopped parsing would fail every cold start's init.
    assertThatCode(ApiWarmUp::run).doesNotThrowAnyException();
  }
}
