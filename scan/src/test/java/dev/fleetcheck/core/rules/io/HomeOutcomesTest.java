package dev.fleetcheck.core.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeOutcomesTest {

  @TempDir Path dir;

  private Facts facts(String name) {
    return new Facts(RepoSnapshot.of(FixtureRepo.in(dir.resolve(name)).python().build()));
  }

  @Test
  void aHomeIsJudgedOncePerScanWhoeverAsksAndWithWhateverProfiles() {
    Facts facts = facts("one");
    AtomicInteger judged = new AtomicInteger();
    Outcome fail = Outcome.fail(Evidence.repository("a finding"));

    Outcome first =
        HomeOutcomes.of(
            new RuleContext(facts, Set.of(Profile.CLI)),
            "PY-X-001",
            () -> {
              judged.incrementAndGet();
              return fail;
            });
    Outcome second =
        HomeOutcomes.of(new RuleContext(facts, Set.of()), "PY-X-001", () -> Outcome.manual());

    assertThat(first).isSameAs(fail);
    assertThat(second).isSameAs(fail);
    assertThat(judged).hasValue(1);
    assertThat(
            HomeOutcomes.of(new RuleContext(facts("two"), Set.of()), "PY-X-001", Outcome::manual)
                .status())
        .as("another scan judges anew")
        .isEqualTo(Outcome.manual().status());
  }

  @Test
  void aSecondThreadWaitsForTheFirstJudgementInsteadOfJudgingAgain() throws Exception {
    RuleContext context = new RuleContext(facts("repo"), Set.of());
    AtomicInteger judged = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Outcome> slow =
          pool.submit(
              () ->
                  HomeOutcomes.of(
                      context,
                      "PY-X-002",
                      () -> {
                        judged.incrementAndGet();
                        started.countDown();
                        try {
                          release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return Outcome.pass();
                      }));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Outcome> waiting =
          pool.submit(
              () ->
                  HomeOutcomes.of(
                      context,
                      "PY-X-002",
                      () -> {
                        judged.incrementAndGet();
                        return Outcome.manual();
                      }));
      release.countDown();

      assertThat(slow.get(10, TimeUnit.SECONDS).status())
          .isEqualTo(waiting.get(10, TimeUnit.SECONDS).status());
      assertThat(judged).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingJudgementFailsEveryAskerAndAHomeAskingForItselfIsRefused() {
    RuleContext context = new RuleContext(facts("repo"), Set.of());
    IllegalArgumentException broken = new IllegalArgumentException("bad input");

    assertThatThrownBy(
            () ->
                HomeOutcomes.of(
                    context,
                    "PY-X-003",
                    () -> {
                      throw broken;
                    }))
        .isSameAs(broken);
    assertThatThrownBy(() -> HomeOutcomes.of(context, "PY-X-003", Outcome::manual))
        .isSameAs(broken);
    assertThatThrownBy(
            () ->
                HomeOutcomes.of(
                    context,
                    "PY-X-004",
                    () -> HomeOutcomes.of(context, "PY-X-004", Outcome::manual)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PY-X-004");
  }
}
