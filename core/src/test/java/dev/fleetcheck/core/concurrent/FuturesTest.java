package dev.fleetcheck.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class FuturesTest {

  @Test
  void theResultComesBackAndAnInterruptWhileWaitingIsKeptForLater() throws Exception {
    FutureTask<String> work =
        new FutureTask<>(
            () -> {
              Thread.sleep(200);
              return "done";
            });
    new Thread(work).start();
    Thread.currentThread().interrupt();

    assertThat(Futures.awaitUninterruptibly(work)).isEqualTo("done");
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aFailureIsRethrownAsTheWorkThrewIt() {
    FutureTask<String> runtime =
        new FutureTask<>(
            () -> {
              throw new IllegalArgumentException("bad input");
            });
    runtime.run();
    FutureTask<String> error =
        new FutureTask<>(
            () -> {
              throw new StackOverflowError("deep");
            });
    error.run();
    FutureTask<String> checked =
        new FutureTask<>(
            () -> {
              throw new IOException("disk");
            });
    checked.run();

    assertThatThrownBy(() -> Futures.awaitUninterruptibly(runtime))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad input");
    assertThatThrownBy(() -> Futures.awaitUninterruptibly(error))
        .isInstanceOf(StackOverflowError.class);
    assertThatThrownBy(() -> Futures.awaitUninterruptibly(checked))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(IOException.class);
  }
}
