package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.port.ScanStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the stored scan of a commit that is still what a fresh scan would say: stored under the
 * same rule-pack identity, and with no waiver it applied expired since. A stale scan is not
 * overwritten (records are written once); its replacement takes the next ID of the chain {@link
 * ScanId#replacing}, so every delivery that meets the same stale scan agrees on where the fresh one
 * goes.
 */
final class StoredScans {

  /** What the store holds for a commit. */
  sealed interface Lookup {}

  /** A stored scan that is still true: reuse it. */
  record StillTrue(ScanRecord scan) implements Lookup {}

  /** No stored scan is true any more: scan, and store the result under {@code scanId}. */
  record ScanNeeded(String scanId) implements Lookup {}

  private StoredScans() {}

  static Lookup find(
      ScanStore scans, String repository, String commit, String packDigest, Instant now) {
    String scanId = ScanId.of(repository, commit, packDigest);
    while (true) {
      Optional<ScanRecord> stored = scans.scan(scanId);
      if (stored.isEmpty() || !stored.get().succeeded()) {
        return new ScanNeeded(scanId);
      }
      if (stored.get().stillTrueAt(now)) {
        return new StillTrue(stored.get());
      }
      // Each link was scanned after the previous one's waiver expired, so the chain ends.
      scanId = ScanId.replacing(scanId);
    }
  }
}
