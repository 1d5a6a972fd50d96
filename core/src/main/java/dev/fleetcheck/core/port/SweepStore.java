package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import java.util.Optional;

/**
 * Sweeps, their progress counters and each repository's final outcome in a sweep. Every write that
 * must happen once is a conditional write or an atomic counter. Methods throw {@link
 * dev.fleetcheck.core.error.FleetcheckException} with STORE_FAILED when the store cannot be reached
 * and CURSOR_INVALID for a cursor it did not issue.
 */
public interface SweepStore {

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
}
