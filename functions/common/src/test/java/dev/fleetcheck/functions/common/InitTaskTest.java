package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InitTaskTest {

  @Test
  void theWorkRunsOnAThreadOfItsOwnBesideTheCallerAndGetAnswersItsResult() throws Exception {
    CountDownLatch callerReached = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    InitTask<String> task =
        InitTask.start(
            "test",
            () -> {
              thread.set(Thread.currentThread().getName());
              try {
                callerReached.await(); // only finishes because the caller went on meanwhile
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return "built";
            });

    callerReached.countDown();

    assertThat(task.get()).isEqualTo("built");
    assertThat(thread.get()).isEqualTo("fleetcheck-init-test");
    assertThat(task.get()).isEqualTo("built");
  }

  @Test
  void aFailureOfTheWorkIsThrownAsItselfWhereTheResultIsAskedFor() {
    FleetcheckException failure = new FleetcheckException(ErrorCode.INVALID_CONFIG, "no table");
    InitTask<String> task =
        InitTask.start(
            "test",
            () -> {
              throw failure;
            });

    assertThatThrownBy(task::get).isSameAs(failure);
  }

  @Test
  void anInterruptWhileWaitingStillAnswersTheResultAndKeepsTheFlag() {
    CountDownLatch release = new CountDownLatch(1);
    InitTask<Integer> task =
        InitTask.start(
            "test",
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return 7;
            });
    Thread.currentThread().interrupt();
    new Thread(release::countDown).start();

    assertThat(task.get()).isEqualTo(7);
    assertThat(Thread.interrupted()).isTrue();
  }
}
