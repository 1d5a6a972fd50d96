package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.snapshot.NoteLog.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the candidate paths a source offers (tracked entries of the git index, or files found by
 * walking the folder) into {@link SourceFile}s, within the snapshot's limits. Symbolic links are
 * held back and resolved once every regular file is known.
 */
final class FileCollector {

  /** A symbolic link seen while collecting, resolved in {@link #finish}. */
  private record Link(String path, Path location) {}

  /** The collected files and, for each indexed symbolic link, the path of the file it names. */
  record Collected(List<SourceFile> files, Map<String, String> linkTargets) {}

  private final SnapshotLimits limits;
  private final NoteLog notes;
  private final ScanDeadline deadline;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final ByteBuffer sniffBuffer = ByteBuffer.allocate(SafeFiles.BINARY_SNIFF_BYTES);

  FileCollector(SnapshotLimits limits, NoteLog notes, ScanDeadline deadline) {
    this.limits = limits;
    this.notes = notes;
    this.deadline = deadline;
  }

  /** Whether the file limit leaves no room for another candidate. */
  boolean full() {
    return files.size() + links.size() >= limits.maxFiles();
  }

  /** Notes and rejects a path over the length limit. */
  boolean withinLength(String path) {
    if (path.length() <= limits.maxPathLength()) {
      return true;
    }
    notes.file(
        Kind.PATH_TOO_LONG,
        path.substring(0, Math.min(path.length(), 120)) + "...",
        "path longer than " + limits.maxPathLength() + " characters; skipped");
    return false;
  }

  /**
   * Offers one candidate. {@code known} holds its attributes when the source already read them
   * without following links, else null. Returns false when the file limit is reached and the
   * candidate was not taken.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException SCAN_TIMEOUT once the deadline passed
   */
  boolean offer(String path, Path location, BasicFileAttributes known) {
    deadline.check();
    if (full()) {
      return false;
    }
    BasicFileAttributes attributes = known;
    if (attributes == null) {
      try {
        attributes = SafeFiles.attributes(location);
      } catch (NoSuchFileException e) {
        notes.file(Kind.MISSING, path, "tracked but not in the working tree; skipped");
        return true;
      } catch (IOException e) {
        notes.file(Kind.UNREADABLE, path, "unreadable (" + e.getClass().getSimpleName() + ")");
        return true;
      }
    }
    if (attributes.isSymbolicLink()) {
      links.add(new Link(path, location));
      return true;
    }
    if (!attributes.isRegularFile()) {
      notes.file(
          Kind.NOT_REGULAR,
          path,
          "not a regular file (folder, FIFO, socket or device); skipped and never opened");
      return true;
    }
    files.add(regularFile(path, location, attributes.size()));
    return true;
  }

  private SourceFile regularFile(String path, Path location, long size) {
    boolean readable = size <= limits.maxContentBytes();
    boolean binary = false;
    if (!readable) {
      notes.file(
          Kind.TOO_LARGE,
          path,
          "larger than the content limit of "
              + limits.maxContentBytes()
              + " bytes ("
              + size
              + " bytes); indexed without reading its content");
    } else if (size > 0) {
      try {
        binary = SafeFiles.startsBinary(location, sniffBuffer);
      } catch (IOException e) {
        notes.file(
            Kind.UNREADABLE,
            path,
            "could not be read (" + e.getClass().getSimpleName() + "); indexed without content");
        readable = false;
      }
    }
    return new SourceFile(path, size, binary, TestCode.isTestCode(path), readable);
  }

  /**
   * Resolves the held-back symbolic links against the regular files collected, then applies the
   * content budget. A link is indexed (under its own path, with its target's content) only when its
   * target is a file that itself counts; a link that leaves the tree is never followed, and its
   * target never read.
   */
  Collected finish(Path realRoot) {
    Map<String, SourceFile> byPath = new HashMap<>(files.size() * 2);
    for (SourceFile file : files) {
      byPath.put(file.path(), file);
    }
    List<SourceFile> all = new ArrayList<>(files);
    Map<String, String> linkTargets = new HashMap<>();
    for (Link link : links) {
      Path real;
      try {
        real = link.location().toRealPath();
      } catch (IOException | SecurityException e) {
        notes.file(
            Kind.SYMLINK_UNRESOLVED,
            link.path(),
            "symbolic link that loops, dangles or cannot be resolved; skipped");
        continue;
      }
      if (!real.startsWith(realRoot)) {
        notes.file(
            Kind.SYMLINK_OUTSIDE,
            link.path(),
            "symbolic link to a target outside the repository; not followed, target not read");
        continue;
      }
      String target = realRoot.relativize(real).toString().replace('\\', '/');
      SourceFile targetFile = byPath.get(target);
      if (targetFile == null) {
        notes.file(
            Kind.SYMLINK_NOT_INDEXED,
            link.path(),
            "symbolic link to a folder or to a file that is not indexed; not followed");
        continue;
      }
      all.add(
          new SourceFile(
              link.path(),
              targetFile.size(),
              targetFile.binary(),
              TestCode.isTestCode(link.path()),
              targetFile.contentReadable()));
      linkTargets.put(link.path(), target);
    }
    all.sort(Comparator.comparing(SourceFile::path));
    return new Collected(applyContentBudget(all), linkTargets);
  }

  private List<SourceFile> applyContentBudget(List<SourceFile> sorted) {
    long used = 0;
    boolean exhausted = false;
    String firstOver = null;
    List<SourceFile> result = new ArrayList<>(sorted.size());
    for (SourceFile file : sorted) {
      if (!file.contentReadable()) {
        result.add(file);
        continue;
      }
      if (!exhausted && used + file.size() <= limits.maxTotalContentBytes()) {
        used += file.size();
        result.add(file);
        continue;
      }
      if (!exhausted) {
        exhausted = true;
        firstOver = file.path();
      }
      notes.file(
          Kind.OVER_BUDGET,
          file.path(),
          "past the snapshot's content budget; indexed without reading its content");
      result.add(new SourceFile(file.path(), file.size(), file.binary(), file.testCode(), false));
    }
    if (exhausted) {
      notes.repository(
          "content budget of "
              + limits.maxTotalContentBytes()
              + " bytes reached at "
              + NoteLog.printable(firstOver)
              + "; "
              + notes.count(Kind.OVER_BUDGET)
              + " files from there on (in path order) are indexed without content");
    }
    return result;
  }
}
