package dev.fleetcheck.aws.dynamo;

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
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The result store on one DynamoDB table (docs/data-model.md): every read a GetItem, BatchGetItem
 * or Query, every once-only write a conditional write or an atomic counter. Each concern is its own
 * class over the shared table; this class only routes the port's methods to them.
 */
public final class DynamoResultStore implements ResultStore {

  private final DynamoScans scans;
  private final DynamoFindings findings;
  private final DynamoSweeps sweeps;
  private final SweepEntries entries;
  private final DynamoIdempotency idempotency;

  /**
   * @param cursorKey at least 32 bytes, the same for every instance serving one table (a cursor
   *     from one Lambda must open on another), kept secret
   */
  public DynamoResultStore(DynamoDbClient client, String tableName, byte[] cursorKey) {
    DynamoTable table = new DynamoTable(client, tableName);
    KeyPages pages = new KeyPages(table, new PageCursors(cursorKey));
    this.scans = new DynamoScans(table, pages);
    this.findings = new DynamoFindings(table);
    this.sweeps = new DynamoSweeps(table, pages);
    this.entries = new SweepEntries(table, sweeps, scans, pages);
    this.idempotency = new DynamoIdempotency(table);
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
    return entries.record(entry);
  }

  @Override
  public Optional<SweepEntry> sweepEntry(String sweepId, String repository) {
    return entries.entry(sweepId, repository);
  }

  @Override
  public Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    return entries.failed(sweepId, page);
  }

  @Override
  public Page<RuleFailure> ruleFailures(String sweepId, Optional<String> ruleId, PageRequest page) {
    return sweeps.ruleFailures(sweepId, ruleId, page);
  }

  @Override
  public Optional<IdempotencyClaim> claim(
      IdempotencyClaim claim, Instant now, Instant stalePendingBefore) {
    return idempotency.claim(claim, now, stalePendingBefore);
  }

  @Override
  public boolean markQueued(String key, String jobId) {
    return idempotency.markQueued(key, jobId);
  }

  @Override
  public void release(String key, String jobId) {
    idempotency.release(key, jobId);
  }
}
