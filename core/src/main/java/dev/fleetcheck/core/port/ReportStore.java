package dev.fleetcheck.core.port;

import java.util.Optional;

/**
 * Keeps full scan reports by key (a folder on the embedded default, an S3 bucket on AWS). Keys are
 * relative paths of segments made of letters, digits, '.', '_' and '-' separated by '/'; anything
 * else (an absolute path, "..", an empty segment) is rejected with INVALID_ARGUMENT.
 */
public interface ReportStore {

  /** Stores the bytes under {@code key} atomically: a reader sees the old content or the new. */
  void put(String key, byte[] content);

  Optional<byte[]> get(String key);

  /** Removes the key; removing an absent key does nothing. */
  void delete(String key);
}
