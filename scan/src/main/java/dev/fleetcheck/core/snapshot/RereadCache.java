package dev.fleetcheck.core.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The content of files read more than once in a scan, within a byte budget. Several facts read the
 * same Python and configuration files, while most files are read once (by the secret scan): keeping
 * a file only from its second read on spends the budget on what is read again. Files known to be
 * read again (Python sources, read by several facts in every scan) are kept from their first read.
 * Once the budget is spent nothing more is kept and nothing is evicted, so a scan that walks all
 * files in order cannot turn the cache over without a single hit. Safe for concurrent readers.
 */
final class RereadCache {

  private final long budgetBytes;
  private final Map<String, byte[]> kept = new HashMap<>();
  private final Set<String> readOnce = new HashSet<>();
  private long usedBytes;

  RereadCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The kept content of {@code path} (shared: never modify it), or null when none is kept. */
  synchronized byte[] get(String path) {
    return kept.get(path);
  }

  /**
   * Offers content just read from disk; keeps it when the path was read before (or {@code
   * readAgain} says it will be) and it fits the budget. Returns whether it was kept (the caller
   * must then not modify it).
   */
  synchronized boolean offer(String path, byte[] content, boolean readAgain) {
    if ((readOnce.add(path) && !readAgain) || kept.containsKey(path)) {
      return false;
    }
    if (usedBytes + content.length > budgetBytes) {
      return false;
    }
    kept.put(path, content);
    readOnce.remove(path);
    usedBytes += content.length;
    return true;
  }

  synchronized long usedBytes() {
    return usedBytes;
  }
}
