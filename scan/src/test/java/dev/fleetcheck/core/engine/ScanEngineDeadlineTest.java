package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.secrets.SecretFindings;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.ScanDeadline;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan's time bound is checked between files and between rules, on a test clock. */
class ScanEngineDeadlineTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final AtomicLong nanos = new AtomicLong();

  private record Probe(String id, Consumer<RuleContext> body) implements Rule {
    @Override
    public RuleSpec spec() {
      return RuleSpec.of(id, Profile.PYTHON, "do the thing");
    }

    @Override
    public Outcome check(RuleContext context) {
      body.accept(context);
      return Outcome.pass(Evidence.repository("fine"));
    }
  }

  private RepoSnapshot snapshot() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "print('hi')\n").build();
    return RepoSnapshot.of(repo, SnapshotLimits.defaults(), ScanDeadline.after(BOUND, nanos::get));
  }

  private void runOut() {
    nanos.addAndGet(BOUND.toNanos());
  }

  private static ScanEngine engine(Rule... rules) {
    return new ScanEngine(
        RulePack.of(List.of(rules)), Clock.fixed(FixtureRepo.NOW, ZoneOffset.UTC), "test");
  }

  private static void assertTimesOut(Runnable scan) {
    assertThatThrownBy(scan::run)
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCAN_TIMEOUT));
  }

  @Test
  void aScanThatRunsOutStopsBeforeTheNextRuleWithScanTimeout() {
    // Rules run on every core: a second thread may take PY-LCL-002 while PY-LCL-001 is still
    // within time. It holds that rule until the time has run out, so every thread takes its next
    // rule (PY-LCL-003) after the deadline, and none may start it.
    CountDownLatch ranOut = new CountDownLatch(1);
    AtomicBoolean laterRuleRan = new AtomicBoolean();
    ScanEngine engine =
        engine(
            new Probe(
                "PY-LCL-001",
                context -> {
                  runOut();
                  ranOut.countDown();
                }),
            new Probe("PY-LCL-002", context -> awaitQuietly(ranOut)),
            new Probe("PY-LCL-003", context -> laterRuleRan.set(true)));
    RepoSnapshot snapshot = snapshot();

    assertTimesOut(() -> engine.scan(snapshot, new RepositoryRef("r", "src", "c")));
    assertThat(laterRuleRan).isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aCheckThatMeetsTheTimeoutReadingAFileEndsTheScanInsteadOfReportingAnError() {
    ScanEngine engine =
        engine(
            new Probe(
                "PY-LCL-001",
                context -> {
                  runOut();
                  context.snapshot().readText("app.py");
                }));
    RepoSnapshot snapshot = snapshot();

    assertTimesOut(() -> engine.scan(snapshot, new RepositoryRef("r", "src", "c")));
  }

  @Test
  void aScanWithinItsBoundIsUnaffected() {
    RepoSnapshot snapshot = snapshot();
    nanos.addAndGet(BOUND.toNanos() - 1);

    assertThat(
            engine(new Probe("PY-LCL-001", context -> {}))
                .scan(snapshot, new RepositoryRef("r", "src", "c"))
                .results())
        .anySatisfy(
            r -> {
              assertThat(r.rule().id()).isEqualTo("PY-LCL-001");
              assertThat(r.status()).isEqualTo(dev.fleetcheck.core.model.Status.PASS);
            });
  }

  @Test
  void theParallelSecretScanStopsAtTheDeadline() {
    RepoSnapshot snapshot = snapshot();
    runOut();

    assertTimesOut(() -> new Facts(snapshot).get(SecretFindings.FACT));
  }

  @Test
  void indexingStopsAtTheDeadline() {
    Path repo = FixtureRepo.in(dir).python().build();
    nanos.set(0);
    ScanDeadline deadline = ScanDeadline.after(BOUND, nanos::get);
    runOut();

    assertTimesOut(() -> RepoSnapshot.of(repo, SnapshotLimits.defaults(), deadline));
  }

  @Test
  void noDeadlineNeverExpires() {
    assertThat(ScanDeadline.none().expired()).isFalse();
    ScanDeadline.none().check();
  }
}
