package dev.fleetcheck.embedded;

import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result store of the embedded default, in the SQLite file: one small class per concern (scans,
 * findings, sweeps, idempotency keys) behind the composite port. Each port method is one
 * transaction, so the conditions the DynamoDB design gets from conditional writes hold here by
 * construction; the contract suite checks both the same way.
 */
public final class SqliteResultStore implements ResultStore {

  private final SqliteScanStore scans;
  private final SqliteFindingStore findings;
  private final SqliteSweepStore sweeps;
  private final SqliteIdempotencyStore keys;

  public SqliteResultStore(SqliteDatabase db) {
    this(db, new SqlPager(db));
  }

  SqliteResultStore(SqliteDatabase db, SqlPager pager) {
    this.scans = new SqliteScanStore(db, pager);
    this.findings = new SqliteFindingStore(db, pager);
    this.sweeps = new SqliteSweepStore(db, pager);
    this.keys = new SqliteIdempotencyStore(db);
  }

  @Override
  public boolean putScan(ScanRecord scan, List<FailingRule> failingRules) {
    return scans.putScan(scan, failingRules);
  }

  @Override
  public Optional<ScanRecord> scan(String scanId) {
    return scans.scan(scanId);
  }

  @Override
  public List<FailingRule> failingRules(String scanId) {
    return scans.failingRules(scanId);
  }

  @Override
  public Page<ScanRecord> history(String repository, PageRequest page) {
    return scans.history(repository, page);
  }

  @Override
  public Page<ScanRecord> latest(LatestFilter filter, PageRequest page) {
    return scans.latest(filter, page);
  }

  @Override
  public Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen) {
    return findings.recordFirstSeen(repository, fingerprints, seen);
  }

  @Override
  public boolean createSweep(Sweep sweep) {
    return sweeps.createSweep(sweep);
  }

  @Override
  public Optional<Sweep> sweep(String sweepId) {
    return sweeps.sweep(sweepId);
  }

  @Override
  public Page<Sweep> sweeps(PageRequest page) {
    return sweeps.sweeps(page);
  }

  @Override
  public Optional<Sweep> previousSweep(String sweepId) {
    return sweeps.previousSweep(sweepId);
  }

  @Override
  public SweepProgress progress(String sweepId) {
    return sweeps.progress(sweepId);
  }

  @Override
  public boolean recordSweepEntry(SweepEntry entry) {
    return sweeps.recordSweepEntry(entry);
  }

  @Override
  public Optional<SweepEntry> sweepEntry(String sweepId, String repository) {
    return sweeps.sweepEntry(sweepId, repository);
  }

  @Override
  public Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    return sweeps.failedEntries(sweepId, page);
  }

  @Override
  public Page<RuleFailure> ruleFailures(String sweepId, Optional<String> ruleId, PageRequest page) {
    return sweeps.ruleFailures(sweepId, ruleId, page);
  }

  @Override
  public Optional<IdempotencyClaim> claim(
      IdempotencyClaim claim, Instant now, Instant stalePendingBefore) {
    return keys.claim(claim, now, stalePendingBefore);
  }

  @Override
  public boolean markQueued(String key, String jobId) {
    return keys.markQueued(key, jobId);
  }

  @Override
  public void release(String key, String jobId) {
    keys.release(key, jobId);
  }
}
