package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.FirstSeen;
import java.util.Map;
import java.util.Set;

/**
 * When each failing finding (by fingerprint) first appeared in a repository, so that reports tell
 * new findings from open ones. Methods throw {@link dev.fleetcheck.core.error.FleetcheckException}
 * with STORE_FAILED when the store cannot be reached and CURSOR_INVALID for a cursor it did not
 * issue.
 */
public interface FindingStore {

  /**
   * Records that {@code repository} shows each fingerprint as of {@code seen} (the earliest time
   * wins) and answers with the first sighting of each.
   */
  Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen);
}
