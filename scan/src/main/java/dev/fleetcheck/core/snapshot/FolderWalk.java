package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.snapshot.NoteLog.Kind;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the files of a folder that is not a usable git checkout: a depth-first walk in name order
 * (so the file limit always cuts at the same place) that never follows a symbolic link, skips the
 * folders that never count, and applies every {@code .gitignore} it meets.
 */
final class FolderWalk {

  private static final String GITIGNORE = ".gitignore";

  private final FileCollector collector;
  private final NoteLog notes;
  private final SnapshotLimits limits;
  private final long maxEntriesExamined;
  private long examined;
  private boolean stopped;

  FolderWalk(FileCollector collector, NoteLog notes, SnapshotLimits limits) {
    this.collector = collector;
    this.notes = notes;
    this.limits = limits;
    // ignored files cost a look each: bound the walk itself, not only what it keeps
    this.maxEntriesExamined = 4L * limits.maxFiles() + 10_000;
  }

  void walk(Path root) {
    visit(root, "", 0, null);
  }

  private void visit(Path folder, String path, int depth, GitignoreRules inherited) {
    Optional<List<Path>> listed = list(folder, path);
    if (listed.isEmpty()) {
      return;
    }
    List<Path> entries = listed.get();
    boolean atRoot = path.isEmpty();
    if (!atRoot && containsName(entries, ExcludedFolders.VIRTUALENV_MARKER)) {
      return;
    }
    GitignoreRules rules =
        containsName(entries, GITIGNORE) ? layerGitignore(folder, path, inherited) : inherited;
    for (Path entry : entries) {
      if (stopped) {
        return;
      }
      if (++examined > maxEntriesExamined) {
        stop(
            "walk stopped after examining "
                + maxEntriesExamined
                + " entries (four times the file limit); the rest of the folder is not indexed");
        return;
      }
      visitEntry(entry, path, depth, atRoot, rules);
    }
  }

  private void visitEntry(
      Path entry, String folderPath, int depth, boolean atRoot, GitignoreRules rules) {
    String name = entry.getFileName().toString();
    if (name.equals(".git")) {
      return;
    }
    String path = atRoot ? name : folderPath + "/" + name;
    if (!FileNames.roundTrips(entry, name)) {
      notes.file(Kind.BAD_NAME, path, "file name is not valid UTF-8; skipped");
      return;
    }
    BasicFileAttributes attributes;
    try {
      attributes = SafeFiles.attributes(entry);
    } catch (IOException e) {
      notes.file(Kind.UNREADABLE, path, "unreadable (" + e.getClass().getSimpleName() + ")");
      return;
    }
    if (attributes.isDirectory()) {
      if (ExcludedFolders.excludedByName(name, atRoot)
          || GitignoreRules.ignored(rules, path, true)
          || !collector.withinLength(path)) {
        return;
      }
      if (depth + 1 > limits.maxDepth()) {
        notes.file(
            Kind.TOO_DEEP,
            path,
            "folder nested deeper than " + limits.maxDepth() + " levels; not entered");
        return;
      }
      visit(entry, path, depth + 1, rules);
      return;
    }
    if (GitignoreRules.ignored(rules, path, false) || !collector.withinLength(path)) {
      return;
    }
    if (!collector.offer(path, entry, attributes)) {
      stop(
          "file limit of " + limits.maxFiles() + " reached; the rest of the folder is not indexed");
    }
  }

  private void stop(String message) {
    stopped = true;
    notes.repository(message);
  }

  private Optional<List<Path>> list(Path folder, String path) {
    List<Path> entries = new ArrayList<>();
    long room = maxEntriesExamined - examined;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path entry : stream) {
        if (entries.size() >= room) {
          // a folder this large cannot be walked within bounds: keep what fits, then stop
          break;
        }
        entries.add(entry);
      }
    } catch (IOException | DirectoryIteratorException e) {
      notes.file(
          Kind.UNREADABLE,
          path.isEmpty() ? "." : path,
          "folder could not be listed (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    entries.sort(Comparator.comparing(entry -> entry.getFileName().toString()));
    return Optional.of(entries);
  }

  private static boolean containsName(List<Path> entries, String name) {
    for (Path entry : entries) {
      if (entry.getFileName().toString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private GitignoreRules layerGitignore(Path folder, String path, GitignoreRules inherited) {
    String gitignorePath = path.isEmpty() ? GITIGNORE : path + "/" + GITIGNORE;
    Optional<byte[]> content =
        SafeFiles.readRegular(folder.resolve(GITIGNORE), GitignoreRules.MAX_GITIGNORE_BYTES);
    if (content.isEmpty()) {
      notes.file(
          Kind.UNREADABLE,
          gitignorePath,
          "not a regular file, over "
              + GitignoreRules.MAX_GITIGNORE_BYTES
              + " bytes or unreadable; its patterns are not applied");
      return inherited;
    }
    try {
      return GitignoreRules.layer(path, content.get(), inherited);
    } catch (IOException e) {
      notes.file(
          Kind.UNREADABLE, gitignorePath, "could not be parsed; its patterns are not applied");
      return inherited;
    }
  }
}
