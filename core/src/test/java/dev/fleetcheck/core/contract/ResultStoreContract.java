package dev.fleetcheck.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResultStore} adapter must do, written once against the port. Subclass it in the
 * adapter's tests and give a fresh, empty store.
 */
public abstract class ResultStoreContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  protected ResultStore store;

  /** A new, empty store. */
  protected abstract ResultStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  protected static ScanRecord succeeded(
      String scanId, String repository, String team, Instant at, double score, String... rules) {
    return new ScanRecord(
        scanId,
        repository,
        team,
        "https://git.example/" + repository,
        "c0ffee" + scanId,
        "sha256:pack",
        "",
        at,
        new ScanOutcome.Succeeded(
            score, Map.of(Status.FAIL, rules.length), Arrays.asList(rules), "scans/" + scanId));
  }

  protected static List<FailingRule> failing(String scanId, String... rules) {
    List<FailingRule> failing = new ArrayList<>();
    for (String rule : rules) {
      failing.add(
          new FailingRule(
              rule,
              Level.REQUIRED,
              3,
              List.of(
                  new Finding("fp-" + rule + "-1", "Makefile", 4, "no dev target", T0, scanId),
                  new Finding("fp-" + rule + "-2", "", 0, "whole repo", T0, "older-scan"))));
    }
    return failing;
  }

  private void put(ScanRecord scan) {
    ScanOutcome.Succeeded outcome = (ScanOutcome.Succeeded) scan.outcome();
    store.putScan(scan, failing(scan.scanId(), outcome.failingRules().toArray(String[]::new)));
  }

  // ---- scans ----

  @Test
  void storesAScanOnceAndKeepsTheFirstWrite() {
    ScanRecord first = succeeded("s-1", "alpha", "core", T0, 80.0, "PY-LCL-001");
    ScanRecord second = succeeded("s-1", "alpha", "other", T0.plusSeconds(9), 10.0);

    assertThat(store.putScan(first, failing("s-1", "PY-LCL-001"))).isTrue();
    assertThat(store.putScan(second, List.of())).isFalse();

    assertThat(store.scan("s-1")).contains(first);
    assertThat(store.failingRules("s-1")).isEqualTo(failing("s-1", "PY-LCL-001"));
    assertThat(store.scan("s-missing")).isEmpty();
  }

  @Test
  void keepsUntilWhenAScanIsTrueAndWhetherItIsTrueAtAGivenTime() {
    Instant expiry = Instant.parse("2026-06-11T00:00:00Z");
    ScanRecord waived =
        new ScanRecord(
            "s-w",
            "alpha",
            "core",
            "src",
            "c0ffee",
            "sha256:pack",
            "",
            T0,
            new ScanOutcome.Succeeded(
                100.0, Map.of(Status.WAIVED, 1), List.of(), "scans/s-w", Optional.of(expiry)));
    ScanRecord plain = succeeded("s-p", "beta", "core", T0, 90.0);

    store.putScan(waived, List.of());
    store.putScan(plain, List.of());

    assertThat(store.scan("s-w")).contains(waived);
    assertThat(store.scan("s-p")).contains(plain);
    assertThat(store.scan("s-w").orElseThrow().stillTrueAt(expiry.minusMillis(1))).isTrue();
    assertThat(store.scan("s-w").orElseThrow().stillTrueAt(expiry)).isFalse();
    assertThat(store.scan("s-p").orElseThrow().stillTrueAt(expiry.plusSeconds(1L << 30))).isTrue();
  }

  @Test
  void keepsAFailedScanWithItsErrorCode() {
    ScanRecord failed =
        new ScanRecord(
            "f-1",
            "alpha",
            "core",
            "src",
            "",
            "sha256:pack",
            "sw-1",
            T0,
            new ScanOutcome.Failed(ErrorCode.CLONE_TIMEOUT, "clone took too long"));

    assertThat(store.putScan(failed, List.of())).isTrue();

    assertThat(store.scan("f-1")).contains(failed);
    assertThat(store.latest(LatestFilter.all(), PageRequest.first(10)).items()).isEmpty();
    assertThat(store.history("alpha", PageRequest.first(10)).items()).containsExactly(failed);
  }

  @Test
  void latestResultIsTheNewestScanWhateverTheOrderOfWrites() {
    ScanRecord newer = succeeded("s-new", "alpha", "core", T0.plusSeconds(60), 90.0);
    ScanRecord older = succeeded("s-old", "alpha", "core", T0, 40.0, "PY-LCL-001");

    put(newer);
    put(older);

    assertThat(store.latest(LatestFilter.all(), PageRequest.first(10)).items())
        .containsExactly(newer);
  }

  @Test
  void latestPagesInRepositoryOrderWithEveryRepositoryOnce() {
    List<String> names = List.of("golf", "alpha", "echo", "charlie", "bravo", "foxtrot", "delta");
    for (int i = 0; i < names.size(); i++) {
      put(succeeded("s-" + i, names.get(i), "core", T0.plusSeconds(i), 75.0));
    }

    List<String> seen =
        readAll(p -> store.latest(LatestFilter.all(), p), 3, ScanRecord::repository);

    assertThat(seen)
        .containsExactly("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf");
  }

  @Test
  void latestFiltersByTeamScoreBandAndFailingRule() {
    put(succeeded("s-1", "alpha", "payments", T0, 95.0));
    put(succeeded("s-2", "bravo", "payments", T0, 45.0, "PY-LCL-001"));
    put(succeeded("s-3", "charlie", "search", T0, 45.0, "PY-LCL-001", "PY-LCL-002"));
    put(succeeded("s-4", "delta", "search", T0, 60.0, "PY-LCL-002"));

    assertThat(repositories(LatestFilter.all().withTeam("payments")))
        .containsExactly("alpha", "bravo");
    assertThat(repositories(LatestFilter.all().withBand(ScoreBand.CRITICAL)))
        .containsExactly("bravo", "charlie");
    assertThat(repositories(LatestFilter.all().withFailingRule("PY-LCL-002")))
        .containsExactly("charlie", "delta");
    assertThat(repositories(LatestFilter.all().withTeam("search").withBand(ScoreBand.CRITICAL)))
        .containsExactly("charlie");
  }

  @Test
  void latestFailingRuleFilterFollowsTheNewestScanOnly() {
    put(succeeded("s-old", "alpha", "core", T0, 40.0, "PY-LCL-001"));
    put(succeeded("s-new", "alpha", "core", T0.plusSeconds(5), 100.0));

    assertThat(repositories(LatestFilter.all().withFailingRule("PY-LCL-001"))).isEmpty();
  }

  @Test
  void historyListsScansNewestFirstAcrossPages() {
    for (int i = 0; i < 5; i++) {
      put(succeeded("s-" + i, "alpha", "core", T0.plusSeconds(i * 10L), 50.0 + i));
    }
    put(succeeded("s-other", "bravo", "core", T0, 50.0));

    List<String> ids = readAll(p -> store.history("alpha", p), 2, ScanRecord::scanId);

    assertThat(ids).containsExactly("s-4", "s-3", "s-2", "s-1", "s-0");
  }

  @Test
  void aTamperedCursorIsRejected() {
    for (int i = 0; i < 3; i++) {
      put(succeeded("s-" + i, "repo-" + i, "core", T0, 50.0));
    }
    String cursor = store.latest(LatestFilter.all(), PageRequest.first(1)).next().orElseThrow();
    String tampered = (cursor.charAt(0) == 'a' ? "b" : "a") + cursor.substring(1);
    String forged = "cmVwby0y." + cursor.substring(cursor.indexOf('.') + 1);

    for (String bad : List.of(tampered, forged, "not-a-cursor", "")) {
      assertThatThrownBy(() -> store.latest(LatestFilter.all(), PageRequest.after(bad, 1)))
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CURSOR_INVALID));
    }
  }

  @Test
  void aCursorOnlyFitsTheQueryThatIssuedIt() {
    for (int i = 0; i < 3; i++) {
      put(succeeded("s-" + i, "repo-" + i, i == 0 ? "a" : "b", T0, 50.0));
    }
    String cursor = store.latest(LatestFilter.all(), PageRequest.first(1)).next().orElseThrow();

    assertThatThrownBy(
            () -> store.latest(LatestFilter.all().withTeam("b"), PageRequest.after(cursor, 1)))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CURSOR_INVALID));
    assertThatThrownBy(() -> store.history("repo-0", PageRequest.after(cursor, 1)))
        .isInstanceOf(FleetcheckException.class);
  }

  // ---- findings ----

  @Test
  void firstSightingIsTheEarliestWhateverTheOrderOfWrites() {
    Map<String, FirstSeen> first =
        store.recordFirstSeen("alpha", Set.of("fp-a"), new FirstSeen(T0.plusSeconds(60), "s-2"));
    Map<String, FirstSeen> earlier =
        store.recordFirstSeen("alpha", Set.of("fp-a", "fp-b"), new FirstSeen(T0, "s-1"));
    Map<String, FirstSeen> later =
        store.recordFirstSeen(
            "alpha", Set.of("fp-a", "fp-b"), new FirstSeen(T0.plusSeconds(120), "s-3"));

    assertThat(first).containsEntry("fp-a", new FirstSeen(T0.plusSeconds(60), "s-2"));
    assertThat(earlier).containsEntry("fp-a", new FirstSeen(T0, "s-1"));
    assertThat(later)
        .containsEntry("fp-a", new FirstSeen(T0, "s-1"))
        .containsEntry("fp-b", new FirstSeen(T0, "s-1"));
    assertThat(
            store.recordFirstSeen("bravo", Set.of("fp-a"), new FirstSeen(T0.plusSeconds(9), "x")))
        .containsEntry("fp-a", new FirstSeen(T0.plusSeconds(9), "x"));
  }

  // ---- sweeps ----

  @Test
  void createsASweepOnce() {
    Sweep sweep = new Sweep("sw-1", T0, 3, "sha256:pack");

    assertThat(store.createSweep(sweep)).isTrue();
    assertThat(store.createSweep(new Sweep("sw-1", T0.plusSeconds(1), 9, "x"))).isFalse();

    assertThat(store.sweep("sw-1")).contains(sweep);
    assertThat(store.progress("sw-1")).isEqualTo(new SweepProgress("sw-1", 3, 0, 0));
  }

  @Test
  void progressOfAnUnknownSweepIsSweepNotFound() {
    assertThatThrownBy(() -> store.progress("sw-none"))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SWEEP_NOT_FOUND));
    assertThatThrownBy(() -> store.recordSweepEntry(SweepEntry.done("sw-none", "a", "s", T0)))
        .isInstanceOf(FleetcheckException.class);
  }

  @Test
  void countsEachRepositoryOnceInItsSweep() {
    store.createSweep(new Sweep("sw-1", T0, 3, "sha256:pack"));

    assertThat(store.recordSweepEntry(SweepEntry.done("sw-1", "alpha", "s-1", T0))).isTrue();
    assertThat(store.recordSweepEntry(SweepEntry.done("sw-1", "alpha", "s-1", T0))).isFalse();
    assertThat(
            store.recordSweepEntry(
                SweepEntry.failed("sw-1", "alpha", "f-1", ErrorCode.CLONE_FAILED, T0)))
        .isFalse();
    assertThat(
            store.recordSweepEntry(
                SweepEntry.failed("sw-1", "bravo", "f-2", ErrorCode.CLONE_TIMEOUT, T0)))
        .isTrue();

    SweepProgress progress = store.progress("sw-1");
    assertThat(progress).isEqualTo(new SweepProgress("sw-1", 3, 1, 1));
    assertThat(progress.pending()).isEqualTo(1);
    assertThat(store.sweepEntry("sw-1", "alpha").map(SweepEntry::state))
        .contains(SweepEntry.State.DONE);
  }

  @Test
  void aLaterSuccessReplacesAFailureAndMovesTheCount() {
    store.createSweep(new Sweep("sw-1", T0, 1, "sha256:pack"));
    store.recordSweepEntry(SweepEntry.failed("sw-1", "alpha", "f-1", ErrorCode.CLONE_FAILED, T0));

    assertThat(store.recordSweepEntry(SweepEntry.done("sw-1", "alpha", "s-1", T0))).isTrue();

    assertThat(store.progress("sw-1")).isEqualTo(new SweepProgress("sw-1", 1, 1, 0));
    assertThat(store.failedEntries("sw-1", PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void concurrentDuplicateEntriesCountOnce() throws Exception {
    store.createSweep(new Sweep("sw-1", T0, 2, "sha256:pack"));
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> record =
            () -> {
              start.await();
              return store.recordSweepEntry(SweepEntry.done("sw-1", "alpha", "s-1", T0));
            };
        results.add(executor.submit(record));
      }
      start.countDown();
      int counted = 0;
      for (Future<Boolean> result : results) {
        counted += result.get() ? 1 : 0;
      }
      assertThat(counted).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
    assertThat(store.progress("sw-1").done()).isEqualTo(1);
  }

  @Test
  void listsFailedRepositoriesWithTheirErrorCodes() {
    store.createSweep(new Sweep("sw-1", T0, 3, "sha256:pack"));
    store.recordSweepEntry(
        SweepEntry.failed("sw-1", "charlie", "f-3", ErrorCode.REPO_NOT_FOUND, T0));
    store.recordSweepEntry(SweepEntry.done("sw-1", "bravo", "s-2", T0));
    store.recordSweepEntry(SweepEntry.failed("sw-1", "alpha", "f-1", ErrorCode.CLONE_TIMEOUT, T0));

    List<SweepEntry> failed = readAll(p -> store.failedEntries("sw-1", p), 1, e -> e);

    assertThat(failed).extracting(SweepEntry::repository).containsExactly("alpha", "charlie");
    assertThat(failed)
        .extracting(e -> e.errorCode().orElseThrow())
        .containsExactly(ErrorCode.CLONE_TIMEOUT, ErrorCode.REPO_NOT_FOUND);
  }

  @Test
  void findsEveryRepositoryFailingARuleInASweep() {
    store.createSweep(new Sweep("sw-1", T0, 4, "sha256:pack"));
    store.createSweep(new Sweep("sw-2", T0.plusSeconds(60), 4, "sha256:pack"));
    put(succeeded("s-a", "alpha", "core", T0, 40.0, "PY-LCL-001", "PY-LCL-002"));
    put(succeeded("s-b", "bravo", "core", T0, 40.0, "PY-LCL-002"));
    put(succeeded("s-c", "charlie", "core", T0, 40.0, "PY-LCL-001"));
    put(succeeded("s-d", "delta", "core", T0, 100.0));
    for (String[] pair :
        new String[][] {{"alpha", "s-a"}, {"bravo", "s-b"}, {"charlie", "s-c"}, {"delta", "s-d"}}) {
      store.recordSweepEntry(SweepEntry.done("sw-1", pair[0], pair[1], T0));
    }
    store.recordSweepEntry(SweepEntry.done("sw-2", "alpha", "s-a", T0));

    List<RuleFailure> rule1 =
        readAll(p -> store.ruleFailures("sw-1", Optional.of("PY-LCL-001"), p), 1, f -> f);
    List<String> all =
        readAll(
            p -> store.ruleFailures("sw-1", Optional.empty(), p),
            2,
            f -> f.ruleId() + "/" + f.repository());

    assertThat(rule1).extracting(RuleFailure::repository).containsExactly("alpha", "charlie");
    assertThat(rule1.get(0).scanId()).isEqualTo("s-a");
    assertThat(rule1.get(0).level()).isEqualTo(Level.REQUIRED);
    assertThat(all)
        .containsExactly(
            "PY-LCL-001/alpha", "PY-LCL-001/charlie", "PY-LCL-002/alpha", "PY-LCL-002/bravo");
    assertThat(readAll(p -> store.ruleFailures("sw-2", Optional.of("PY-LCL-001"), p), 5, f -> f))
        .extracting(RuleFailure::repository)
        .containsExactly("alpha");
  }

  @Test
  void listsSweepsNewestFirstAndFindsThePreviousOne() {
    store.createSweep(new Sweep("sw-b", T0.plusSeconds(60), 1, "p"));
    store.createSweep(new Sweep("sw-a", T0, 1, "p"));
    store.createSweep(new Sweep("sw-c", T0.plusSeconds(120), 1, "p"));

    assertThat(readAll(store::sweeps, 2, Sweep::sweepId)).containsExactly("sw-c", "sw-b", "sw-a");
    assertThat(store.previousSweep("sw-c").map(Sweep::sweepId)).contains("sw-b");
    assertThat(store.previousSweep("sw-a")).isEmpty();
  }

  // ---- idempotency ----

  @Test
  void anIdempotencyKeyIsHeldUntilItExpires() {
    Instant expiry = T0.plusSeconds(3600);
    Instant neverStale = T0.minusSeconds(3600);

    assertThat(store.claim(pending("k", "job-1", T0, expiry), T0, neverStale)).isEmpty();
    assertThat(store.markQueued("k", "job-1")).isTrue();
    assertThat(store.claim(pending("k", "job-2", T0.plusSeconds(10), expiry), T0, neverStale))
        .hasValueSatisfying(
            held -> {
              assertThat(held.jobId()).isEqualTo("job-1");
              assertThat(held.requestHash()).isEqualTo("hash-k");
              assertThat(held.state()).isEqualTo(IdempotencyClaim.State.QUEUED);
            });
    assertThat(store.claim(pending("other", "job-3", T0, expiry), T0, neverStale)).isEmpty();
    Instant later = expiry.plusSeconds(1);
    assertThat(store.claim(pending("k", "job-4", later, later.plusSeconds(99)), later, neverStale))
        .as("an expired claim is free")
        .isEmpty();
    assertThat(store.claim(pending("k", "job-5", later, expiry), later.plusSeconds(1), neverStale))
        .map(IdempotencyClaim::jobId)
        .contains("job-4");
  }

  @Test
  void aPendingClaimIsMarkedQueuedOnlyByItsOwnJobAndReleasedOnlyWhilePending() {
    Instant expiry = T0.plusSeconds(3600);
    Instant neverStale = T0.minusSeconds(3600);
    store.claim(pending("k", "job-1", T0, expiry), T0, neverStale);

    assertThat(store.markQueued("k", "job-other")).isFalse();
    store.release("k", "job-other");
    assertThat(store.claim(pending("k", "job-2", T0, expiry), T0, neverStale))
        .map(IdempotencyClaim::state)
        .contains(IdempotencyClaim.State.PENDING);

    store.release("k", "job-1");
    assertThat(store.claim(pending("k", "job-3", T0, expiry), T0, neverStale))
        .as("a released key is free again")
        .isEmpty();
    assertThat(store.markQueued("k", "job-3")).isTrue();
    store.release("k", "job-3");
    assertThat(store.claim(pending("k", "job-4", T0, expiry), T0, neverStale))
        .as("a queued claim is never released")
        .map(IdempotencyClaim::jobId)
        .contains("job-3");
  }

  @Test
  void aStalePendingClaimIsTakenOverButAStaleQueuedOneIsNot() {
    Instant expiry = T0.plusSeconds(3600);
    store.claim(pending("p", "job-1", T0, expiry), T0, T0.minusSeconds(60));
    store.claim(pending("q", "job-2", T0, expiry), T0, T0.minusSeconds(60));
    store.markQueued("q", "job-2");
    Instant later = T0.plusSeconds(300);

    assertThat(store.claim(pending("p", "job-3", later, expiry), later, later.minusSeconds(120)))
        .isEmpty();
    assertThat(store.markQueued("p", "job-1")).as("the old sender lost the key").isFalse();
    assertThat(store.claim(pending("q", "job-4", later, expiry), later, later.minusSeconds(120)))
        .map(IdempotencyClaim::jobId)
        .contains("job-2");
  }

  private static IdempotencyClaim pending(
      String key, String jobId, Instant claimedAt, Instant expiresAt) {
    return IdempotencyClaim.pending(key, "hash-" + key, jobId, claimedAt, expiresAt);
  }

  // ---- helpers ----

  private List<String> repositories(LatestFilter filter) {
    return readAll(p -> store.latest(filter, p), 10, ScanRecord::repository);
  }

  /** Follows cursors to the end, failing if a listing never ends. */
  protected static <T, R> List<R> readAll(
      Function<PageRequest, Page<T>> query, int pageSize, Function<T, R> map) {
    List<R> all = new ArrayList<>();
    PageRequest request = PageRequest.first(pageSize);
    for (int pages = 0; pages < 10_000; pages++) {
      Page<T> page = query.apply(request);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(item -> all.add(map.apply(item)));
      if (page.next().isEmpty()) {
        return all;
      }
      request = PageRequest.after(page.next().get(), pageSize);
    }
    throw new AssertionError("the listing never ended");
  }
}
