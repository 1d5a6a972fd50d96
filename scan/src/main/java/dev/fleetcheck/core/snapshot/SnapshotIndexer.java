package dev.fleetcheck.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link RepoSnapshot}: the git index decides which files exist when the folder is a
 * usable checkout, a walk with {@code .gitignore} applied otherwise; either way every file passes
 * the same limits and checks in {@link FileCollector}.
 */
final class SnapshotIndexer {

  private final Path root;
  private final SnapshotLimits limits;
  private final ScanDeadline deadline;

  SnapshotIndexer(Path root, SnapshotLimits limits, ScanDeadline deadline) {
    this.root = root.toAbsolutePath().normalize();
    this.limits = limits;
    this.deadline = deadline;
  }

  RepoSnapshot index() {
    NoteLog notes = new NoteLog();
    Path realRoot;
    try {
      if (!SafeFiles.attributes(root).isDirectory()) {
        notes.repository("the repository root is not a folder; nothing indexed");
        return empty(notes);
      }
      realRoot = root.toRealPath();
    } catch (IOException e) {
      notes.repository("the repository root cannot be read (" + e.getClass().getSimpleName() + ")");
      return empty(notes);
    }
    FileCollector collector = new FileCollector(limits, notes, deadline);
    Optional<GitIndexSource> gitIndex = GitIndexSource.open(root, collector, notes, limits);
    if (gitIndex.isPresent()) {
      gitIndex.get().offerTrackedFiles();
    } else {
      new FolderWalk(collector, notes, limits).walk(root);
    }
    FileCollector.Collected collected = collector.finish(realRoot);
    return new RepoSnapshot(
        root,
        collected.files(),
        notes.notes(),
        gitIndex.isPresent(),
        limits,
        collected.linkTargets(),
        deadline);
  }

  private RepoSnapshot empty(NoteLog notes) {
    return new RepoSnapshot(root, List.of(), notes.notes(), false, limits, Map.of(), deadline);
  }
}
