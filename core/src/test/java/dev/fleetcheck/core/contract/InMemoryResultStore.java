package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A result store in memory, for core tests that need a fleet without the embedded module; it passes
 * the same contract suite as the SQLite store ({@link InMemoryResultStoreContractTest}).
 */
public final class InMemoryResultStore implements ResultStore {

  private final PageCursors cursors =
      new PageCursors(
          "in-memory-result-store-cursor-key-for-tests".getBytes(StandardCharsets.UTF_8));
  private final Map<String, ScanRecord> scans = new HashMap<>();
  private final Map<String, List<FailingRule>> failing = new HashMap<>();
  private final Map<String, ScanRecord> latest = new TreeMap<>();
  private final Map<String, FirstSeen> firstSeen = new HashMap<>();
  private final Map<String, Sweep> sweeps = new HashMap<>();
  private final Map<String, int[]> counters = new HashMap<>();
  private final Map<String, SweepEntry> entries = new TreeMap<>();
  private final Map<String, IdempotencyClaim> idempotency = new HashMap<>();

  @Override
  public synchronized boolean putScan(ScanRecord scan, List<FailingRule> failingRules) {
    if (scans.containsKey(scan.scanId())) {
      return false;
    }
    scans.put(scan.scanId(), scan);
    List<FailingRule> sorted = new ArrayList<>(failingRules);
    sorted.sort(Comparator.comparing(FailingRule::ruleId));
    failing.put(scan.scanId(), List.copyOf(sorted));
    if (scan.succeeded()) {
      ScanRecord current = latest.get(scan.repository());
      if (current == null || newer(scan, current)) {
        latest.put(scan.repository(), scan);
      }
    }
    return true;
  }

  private static boolean newer(ScanRecord a, ScanRecord b) {
    int byTime = a.scannedAt().compareTo(b.scannedAt());
    return byTime != 0 ? byTime > 0 : a.scanId().compareTo(b.scanId()) > 0;
  }

  @Override
  public synchronized Optional<ScanRecord> scan(String scanId) {
    return Optional.ofNullable(scans.get(scanId));
  }

  @Override
  public synchronized List<FailingRule> failingRules(String scanId) {
    return failing.getOrDefault(scanId, List.of());
  }

  @Override
  public synchronized Page<ScanRecord> history(String repository, PageRequest page) {
    List<ScanRecord> all =
        scans.values().stream()
            .filter(s -> s.repository().equals(repository))
            .sorted(
                Comparator.comparing(ScanRecord::scannedAt)
                    .thenComparing(ScanRecord::scanId)
                    .reversed())
            .toList();
    return page(
        "history|" + repository,
        all,
        s -> List.of(descending(s.scannedAt()), descending(s.scanId())),
        page);
  }

  @Override
  public synchronized Page<ScanRecord> latest(LatestFilter filter, PageRequest page) {
    List<ScanRecord> all =
        latest.values().stream()
            .filter(s -> filter.team().map(t -> t.equals(s.team())).orElse(true))
            .filter(s -> filter.band().map(b -> b == succeeded(s).band()).orElse(true))
            .filter(
                s ->
                    filter
                        .failingRule()
                        .map(r -> succeeded(s).failingRules().contains(r))
                        .orElse(true))
            .toList();
    return page("latest|" + filter.scope(), all, s -> List.of(s.repository()), page);
  }

  private static ScanOutcome.Succeeded succeeded(ScanRecord scan) {
    return (ScanOutcome.Succeeded) scan.outcome();
  }

  @Override
  public synchronized Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen) {
    Map<String, FirstSeen> answer = new LinkedHashMap<>();
    for (String fingerprint : fingerprints) {
      String key = repository + "\n" + fingerprint;
      FirstSeen current = firstSeen.get(key);
      if (current == null || seen.at().isBefore(current.at())) {
        firstSeen.put(key, seen);
        current = seen;
      }
      answer.put(fingerprint, current);
    }
    return answer;
  }

  @Override
  public synchronized boolean createSweep(Sweep sweep) {
    if (sweeps.containsKey(sweep.sweepId())) {
      return false;
    }
    sweeps.put(sweep.sweepId(), sweep);
    counters.put(sweep.sweepId(), new int[2]);
    return true;
  }

  @Override
  public synchronized Optional<Sweep> sweep(String sweepId) {
    return Optional.ofNullable(sweeps.get(sweepId));
  }

  private static final Comparator<Sweep> NEWEST_FIRST =
      Comparator.comparing(Sweep::startedAt).thenComparing(Sweep::sweepId).reversed();

  @Override
  public synchronized Page<Sweep> sweeps(PageRequest page) {
    List<Sweep> all = sweeps.values().stream().sorted(NEWEST_FIRST).toList();
    return page(
        "sweeps", all, s -> List.of(descending(s.startedAt()), descending(s.sweepId())), page);
  }

  @Override
  public synchronized Optional<Sweep> previousSweep(String sweepId) {
    Sweep sweep = sweeps.get(sweepId);
    if (sweep == null) {
      return Optional.empty();
    }
    return sweeps.values().stream()
        .filter(s -> NEWEST_FIRST.compare(s, sweep) > 0)
        .min(NEWEST_FIRST);
  }

  @Override
  public synchronized SweepProgress progress(String sweepId) {
    Sweep sweep = existingSweep(sweepId);
    int[] count = counters.get(sweepId);
    return new SweepProgress(sweepId, sweep.expected(), count[0], count[1]);
  }

  private Sweep existingSweep(String sweepId) {
    Sweep sweep = sweeps.get(sweepId);
    if (sweep == null) {
      throw new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId);
    }
    return sweep;
  }

  @Override
  public synchronized boolean recordSweepEntry(SweepEntry entry) {
    existingSweep(entry.sweepId());
    String key = entry.sweepId() + "\n" + entry.repository();
    SweepEntry current = entries.get(key);
    int[] count = counters.get(entry.sweepId());
    if (current == null) {
      entries.put(key, entry);
      count[entry.state() == SweepEntry.State.DONE ? 0 : 1]++;
      return true;
    }
    if (current.state() == SweepEntry.State.FAILED && entry.state() == SweepEntry.State.DONE) {
      entries.put(key, entry);
      count[1]--;
      count[0]++;
      return true;
    }
    return false;
  }

  @Override
  public synchronized Optional<SweepEntry> sweepEntry(String sweepId, String repository) {
    return Optional.ofNullable(entries.get(sweepId + "\n" + repository));
  }

  @Override
  public synchronized Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    List<SweepEntry> all =
        entries.values().stream()
            .filter(e -> e.sweepId().equals(sweepId) && e.state() == SweepEntry.State.FAILED)
            .sorted(Comparator.comparing(SweepEntry::repository))
            .toList();
    return page("failed|" + sweepId, all, e -> List.of(e.repository()), page);
  }

  @Override
  public synchronized Page<RuleFailure> ruleFailures(
      String sweepId, Optional<String> ruleId, PageRequest page) {
    List<RuleFailure> all = new ArrayList<>();
    for (SweepEntry entry : entries.values()) {
      if (!entry.sweepId().equals(sweepId) || entry.state() != SweepEntry.State.DONE) {
        continue;
      }
      for (FailingRule rule : failingRules(entry.scanId())) {
        if (ruleId.map(r -> r.equals(rule.ruleId())).orElse(true)) {
          all.add(new RuleFailure(rule.ruleId(), entry.repository(), entry.scanId(), rule.level()));
        }
      }
    }
    all.sort(Comparator.comparing(RuleFailure::ruleId).thenComparing(RuleFailure::repository));
    return page(
        "rules|" + sweepId + "|" + ruleId.orElse("*"),
        all,
        f -> List.of(f.ruleId(), f.repository()),
        page);
  }

  @Override
  public synchronized Optional<IdempotencyClaim> claim(
      IdempotencyClaim claim, Instant now, Instant stalePendingBefore) {
    IdempotencyClaim held = idempotency.get(claim.key());
    boolean stale =
        held != null
            && held.state() == IdempotencyClaim.State.PENDING
            && held.claimedAt().isBefore(stalePendingBefore);
    if (held != null && held.expiresAt().isAfter(now) && !stale) {
      return Optional.of(held);
    }
    idempotency.put(claim.key(), claim);
    return Optional.empty();
  }

  @Override
  public synchronized boolean markQueued(String key, String jobId) {
    IdempotencyClaim held = idempotency.get(key);
    if (held == null
        || held.state() != IdempotencyClaim.State.PENDING
        || !held.jobId().equals(jobId)) {
      return false;
    }
    idempotency.put(
        key,
        new IdempotencyClaim(
            key,
            held.requestHash(),
            jobId,
            IdempotencyClaim.State.QUEUED,
            held.claimedAt(),
            held.expiresAt()));
    return true;
  }

  @Override
  public synchronized void release(String key, String jobId) {
    IdempotencyClaim held = idempotency.get(key);
    if (held != null
        && held.state() == IdempotencyClaim.State.PENDING
        && held.jobId().equals(jobId)) {
      idempotency.remove(key);
    }
  }

  /** A sort key whose ascending string order is the descending order of the value. */
  private static String descending(Instant at) {
    return String.format("%020d", Long.MAX_VALUE - at.toEpochMilli());
  }

  private static String descending(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(String.format("%04x", 0xFFFF - c));
    }
    return out.append("ffff").toString();
  }

  /**
   * The page after the cursor's position; {@code key} gives each item's position, whose
   * lexicographic order is the listing's order.
   */
  private <T> Page<T> page(
      String scope, List<T> sorted, Function<T, List<String>> key, PageRequest request) {
    int start = 0;
    if (request.cursor().isPresent()) {
      List<String> after = cursors.decode(scope, request.cursor().get());
      while (start < sorted.size() && compare(key.apply(sorted.get(start)), after) <= 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + request.limit());
    List<T> items = sorted.subList(start, end);
    Optional<String> next =
        end < sorted.size()
            ? Optional.of(cursors.encode(scope, key.apply(items.get(items.size() - 1))))
            : Optional.empty();
    return new Page<>(items, next);
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
