package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InBackgroundTest {

  @Test
  void theValueIsComputedOnItsOwnThreadBeforeAnyoneAsks() throws Exception {
    CountDownLatch computed = new CountDownLatch(1);
    Supplier<String> value =
        InBackground.start(
            "bench-thread",
            () -> {
              computed.countDown();
              return Thread.currentThread().getName();
            });

    assertThat(computed.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(value.get()).isEqualTo("bench-thread");
    assertThat(value.get()).isEqualTo("bench-thread");
  }

  @Test
  void whatTheComputationThrowsReachesTheCallerAsItself() {
    IllegalStateException broken = new IllegalStateException("broken catalogue");
    Supplier<String> value =
        InBackground.start(
            "failing",
            () -> {
              throw broken;
            });

    assertThatThrownBy(value::get).isSameAs(broken);
  }

  @Test
  void anErrorIsRethrownAsItself() {
    StackOverflowError overflow = new StackOverflowError();
    Supplier<String> value =
        InBackground.start(
            "overflowing",
            () -> {
              throw overflow;
            });

    assertThatThrownBy(value::get).isSameAs(overflow);
  }
}
