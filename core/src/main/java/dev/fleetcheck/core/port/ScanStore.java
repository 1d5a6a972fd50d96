package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScanRecord;
import java.util.List;
import java.util.Optional;

/**
 * Scan records and their failing rules, per scan, per repository's history and as the latest result
 * of each repository (see docs/data-model.md). Methods throw {@link
 * dev.fleetcheck.core.error.FleetcheckException} with STORE_FAILED when the store cannot be reached
 * and CURSOR_INVALID for a cursor it did not issue.
 */
public interface ScanStore {

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
}
