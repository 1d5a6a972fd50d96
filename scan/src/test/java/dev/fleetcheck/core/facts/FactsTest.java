package dev.fleetcheck.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsTest {

  @TempDir Path repo;

  private Facts facts() throws Exception {
    Files.writeString(repo.resolve("app.py"), "print('hi')\n");
    return new Facts(RepoSnapshot.of(repo));
  }

  @Test
  void aFactAskedForByManyThreadsAtOnceIsComputedOnce() throws Exception {
    Facts facts = facts();
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch bothAsked = new CountDownLatch(1);
    Fact<String> slow =
        Fact.of(
            "slow",
            f -> {
              computed.incrementAndGet();
              try {
                bothAsked.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "value";
            });
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(threads.submit(() -> facts.get(slow)));
      }
      Thread.sleep(100);
      bothAsked.countDown();
      for (Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("value");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(computed).hasValue(1);
  }

  @Test
  void aFactThatReachesItselfFailsInsteadOfWaitingForever() throws Exception {
    Facts facts = facts();
    AtomicReference<Fact<String>> self = new AtomicReference<>();
    self.set(Fact.of("self", f -> f.get(self.get())));

    assertThatThrownBy(() -> facts.get(self.get()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fact depends on itself: self");
  }

  @Test
  void aFailingFactGivesItsOwnExceptionToEveryThreadThatAsks() throws Exception {
    Facts facts = facts();
    Fact<String> broken =
        Fact.of(
            "broken",
            f -> {
              throw new IllegalArgumentException("unreadable");
            });

    assertThatThrownBy(() -> facts.get(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unreadable");
    assertThatThrownBy(() -> facts.get(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unreadable");
  }

  @Test
  void problemsMetFromSeveralThreadsAreEachReportedOnce() throws Exception {
    Facts facts = facts();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    facts.problem(Evidence.file("f" + i + ".toml", "malformed"));
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(facts.problems()).hasSize(200).doesNotHaveDuplicates();
  }
}
