package dev.fleetcheck.core.snapshot;

/**
 * Bounds on what a snapshot indexes, so a hostile repository cannot exhaust time or memory.
 *
 * @param maxFiles files indexed before the walk stops (the rest is reported as a note)
 * @param maxContentBytes files larger than this are indexed but their content is never read
 * @param maxPathLength paths longer than this (in characters) are skipped with a note
 * @param maxDepth folders nested deeper than this are not entered
 */
public record SnapshotLimits(int maxFiles, long maxContentBytes, int maxPathLength, int maxDepth) {

  public static SnapshotLimits defaults() {
    return new SnapshotLimits(200_000, 2L * 1024 * 1024, 1024, 64);
  }
}
