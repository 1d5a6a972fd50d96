package dev.fleetcheck.core.snapshot;

/**
 * Bounds on what a snapshot indexes, so a hostile repository cannot exhaust time or memory. Every
 * bound that is hit becomes a note of the snapshot.
 *
 * @param maxFiles files indexed before indexing stops (the rest is reported as a note)
 * @param maxContentBytes files larger than this are indexed but their content is never read
 * @param maxPathLength paths longer than this (in characters) are skipped with a note
 * @param maxDepth folders nested deeper than this (a root file is at depth 0, {@code a/b.py} sits
 *     in a folder at depth 1) are not entered
 * @param maxTotalContentBytes content budget of the whole snapshot: taking files in path order,
 *     once their sizes add up past this, the remaining files are indexed without readable content
 */
public record SnapshotLimits(
    int maxFiles,
    long maxContentBytes,
    int maxPathLength,
    int maxDepth,
    long maxTotalContentBytes) {

  private static final long MIB = 1024L * 1024;
  private static final long DEFAULT_TOTAL_CONTENT_BYTES = 512 * MIB;

  public SnapshotLimits {
    if (maxFiles < 0
        || maxContentBytes < 0
        || maxPathLength < 1
        || maxDepth < 0
        || maxTotalContentBytes < 0) {
      throw new IllegalArgumentException(
          "snapshot limits must not be negative (path length at least 1)");
    }
  }

  /** Limits with the default content budget. */
  public SnapshotLimits(int maxFiles, long maxContentBytes, int maxPathLength, int maxDepth) {
    this(maxFiles, maxContentBytes, maxPathLength, maxDepth, DEFAULT_TOTAL_CONTENT_BYTES);
  }

  public static SnapshotLimits defaults() {
    return new SnapshotLimits(200_000, 2 * MIB, 1024, 64, DEFAULT_TOTAL_CONTENT_BYTES);
  }

  public SnapshotLimits withMaxFiles(int files) {
    return new SnapshotLimits(
        files, maxContentBytes, maxPathLength, maxDepth, maxTotalContentBytes);
  }

  public SnapshotLimits withMaxContentBytes(long bytes) {
    return new SnapshotLimits(maxFiles, bytes, maxPathLength, maxDepth, maxTotalContentBytes);
  }

  public SnapshotLimits withMaxPathLength(int characters) {
    return new SnapshotLimits(
        maxFiles, maxContentBytes, characters, maxDepth, maxTotalContentBytes);
  }

  public SnapshotLimits withMaxDepth(int depth) {
    return new SnapshotLimits(
        maxFiles, maxContentBytes, maxPathLength, depth, maxTotalContentBytes);
  }

  public SnapshotLimits withMaxTotalContentBytes(long bytes) {
    return new SnapshotLimits(maxFiles, maxContentBytes, maxPathLength, maxDepth, bytes);
  }
}
