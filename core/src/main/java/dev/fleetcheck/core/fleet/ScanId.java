package dev.fleetcheck.core.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Scan IDs derived from what makes a scan the same scan, so that a redelivered job lands on the
 * record the first delivery wrote instead of beside it.
 */
public final class ScanId {

  private ScanId() {}

  /** A completed scan: one per (repository, commit, rule-pack digest). */
  public static String of(String repository, String commit, String rulePackDigest) {
    return "s-" + hash("scan", repository, commit, rulePackDigest);
  }

  /**
   * The scan that replaces {@code staleScanId}, a stored scan that stopped being true (a waiver it
   * applied expired): a chain, so concurrent deliveries that find the same stale scan agree on the
   * next one.
   */
  public static String replacing(String staleScanId) {
    return "s-" + hash("rescan", staleScanId);
  }

  /** A scan that could not complete: one per job, whatever the number of deliveries. */
  public static String ofFailedJob(String jobId) {
    return "f-" + hash("failed", jobId);
  }

  static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
