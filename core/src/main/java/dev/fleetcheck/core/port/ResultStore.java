package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scan summaries, failing outcomes, sweeps and idempotency keys (SQLite on the embedded default,
 * one DynamoDB table on AWS; see docs/data-model.md). Every read is a key lookup or an ordered
 * range; every write that must happen once is a conditional write or an atomic counter, never a
 * multi-item transaction. Methods throw {@link dev.fleetcheck.core.error.FleetcheckException} with
 * STORE_FAILED when the store cannot be reached and CURSOR_INVALID for a cursor it did not issue.
 */
public interface ResultStore {

  // ---- scans ----

  /**
   * Stores a scan and its failing rules unless a scan with the same ID exists (a conditional put),
   * and for a succeeded scan makes it the repository's latest result when it is newer (by scan
   * time, then scan ID) than the one there.
   *
   * @return whether this call stored the scan; false means an earlier write won and nothing changed
   */
  boolean putScan(ScanRecord scan, List<FailingRule> failingRules);

  Optional<ScanRecord> scan(String scanId);

  /** The failing rules of a scan, by rule ID. */
  List<FailingRule> failingRules(String scanId);

  /** Every scan of one repository, newest first (scan time, then scan ID). */
  Page<ScanRecord> history(String repository, PageRequest page);

  /** The latest succeeded scan of each repository the filter admits, by repository name. */
  Page<ScanRecord> latest(LatestFilter filter, PageRequest page);

  // ---- findings ----

  /**
   * Records that {@code repository} shows each fingerprint as of {@code seen} (the earliest time
   * wins) and answers with the first sighting of each.
   */
  Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen);

  // ---- sweeps ----

  /** Stores a new sweep with zero progress; false when that sweep ID exists (left unchanged). */
  boolean createSweep(Sweep sweep);

  Optional<Sweep> sweep(String sweepId);

  /** Sweeps, newest first (start time, then ID). */
  Page<Sweep> sweeps(PageRequest page);

  /** The sweep started just before the given one, if any. */
  Optional<Sweep> previousSweep(String sweepId);

  /**
   * The sweep's counters.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException SWEEP_NOT_FOUND for an unknown sweep
   */
  SweepProgress progress(String sweepId);

  /**
   * Records a repository's final outcome in its sweep and counts it, atomically and once: a second
   * DONE or FAILED for the same repository changes nothing, except that DONE replaces FAILED (a
   * redriven job that finally succeeded) and moves the count from failed to done. A DONE entry
   * points at a stored succeeded scan, whose failing rules then answer {@link #ruleFailures}.
   *
   * @return whether the progress counters changed
   * @throws dev.fleetcheck.core.error.FleetcheckException SWEEP_NOT_FOUND for an unknown sweep
   */
  boolean recordSweepEntry(SweepEntry entry);

  Optional<SweepEntry> sweepEntry(String sweepId, String repository);

  /** The repositories that failed in a sweep, by repository name. */
  Page<SweepEntry> failedEntries(String sweepId, PageRequest page);

  /**
   * Repositories failing rules in a sweep, by rule ID then repository name: every failing (rule,
   * repository) pair, or only those of {@code ruleId} when given.
   */
  Page<RuleFailure> ruleFailures(String sweepId, Optional<String> ruleId, PageRequest page);

  // ---- idempotency ----

  /**
   * Claims {@code key} for {@code value} until {@code expiresAt} with a conditional write. When an
   * unexpired claim exists, nothing changes and its value is returned; otherwise the key is claimed
   * and the answer is empty.
   */
  Optional<String> claimIdempotencyKey(String key, String value, Instant now, Instant expiresAt);
}
