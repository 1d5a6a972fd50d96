package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.snapshot.NoteLog.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.util.FS;

/**
 * The file set of a git checkout: exactly the entries of its index, whatever {@code .gitignore}
 * says, minus the folders that never count. The index is read directly (no repository is opened, no
 * hook or filter runs). A checkout whose index cannot be found or read is reported and left to the
 * folder walk.
 */
final class GitIndexSource {

  private static final long MAX_GITFILE_BYTES = 4096;
  private static final long INDEX_BYTES_PER_FILE = 2048;
  private static final long INDEX_BYTES_BASE = 64L * 1024 * 1024;

  private final Path root;
  private final DirCache index;
  private final FileCollector collector;
  private final NoteLog notes;
  private final SnapshotLimits limits;
  private final Set<String> virtualenvsInIndex = new HashSet<>();
  private final Map<String, Boolean> excludedFolders = new HashMap<>();
  private final Map<String, Boolean> realFolders = new HashMap<>();

  private GitIndexSource(
      Path root, DirCache index, FileCollector collector, NoteLog notes, SnapshotLimits limits) {
    this.root = root;
    this.index = index;
    this.collector = collector;
    this.notes = notes;
    this.limits = limits;
  }

  /**
   * The index of the checkout at {@code root}, if it is one and its index is usable. A {@code .git}
   * file ({@code gitdir: ...}, as in linked worktrees and submodules) is followed to its git
   * folder.
   */
  static Optional<GitIndexSource> open(
      Path root, FileCollector collector, NoteLog notes, SnapshotLimits limits) {
    Path dotGit = root.resolve(".git");
    BasicFileAttributes attributes;
    try {
      attributes = SafeFiles.attributes(dotGit);
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<Path> gitFolder = gitFolder(root, dotGit, attributes, notes);
    if (gitFolder.isEmpty()) {
      return Optional.empty();
    }
    Optional<DirCache> index = readIndex(gitFolder.get().resolve("index"), notes, limits);
    return index.map(cache -> new GitIndexSource(root, cache, collector, notes, limits));
  }

  private static Optional<Path> gitFolder(
      Path root, Path dotGit, BasicFileAttributes attributes, NoteLog notes) {
    if (attributes.isDirectory()) {
      return Optional.of(dotGit);
    }
    if (!attributes.isRegularFile()) {
      fallBack(notes, ".git is neither a folder nor a gitdir file");
      return Optional.empty();
    }
    Optional<byte[]> content = SafeFiles.readRegular(dotGit, MAX_GITFILE_BYTES);
    String text = content.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
    String firstLine = text.lines().findFirst().orElse("").strip();
    if (!firstLine.startsWith("gitdir:")) {
      fallBack(notes, ".git file does not name a git folder (no gitdir: line)");
      return Optional.empty();
    }
    try {
      Path target = root.resolve(firstLine.substring("gitdir:".length()).strip()).normalize();
      if (!Files.isDirectory(target)) {
        fallBack(notes, ".git file names a git folder that does not exist");
        return Optional.empty();
      }
      return Optional.of(target);
    } catch (InvalidPathException e) {
      fallBack(notes, ".git file names an invalid path");
      return Optional.empty();
    }
  }

  private static Optional<DirCache> readIndex(
      Path indexFile, NoteLog notes, SnapshotLimits limits) {
    BasicFileAttributes attributes;
    try {
      attributes = SafeFiles.attributes(indexFile);
    } catch (IOException e) {
      fallBack(notes, "the git index is missing");
      return Optional.empty();
    }
    long maxBytes = INDEX_BYTES_BASE + INDEX_BYTES_PER_FILE * limits.maxFiles();
    if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
      fallBack(notes, "the git index is not a regular file or is over " + maxBytes + " bytes");
      return Optional.empty();
    }
    try {
      return Optional.of(DirCache.read(indexFile.toFile(), FS.DETECTED));
    } catch (IOException | RuntimeException e) {
      fallBack(notes, "the git index could not be read: " + oneLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private static void fallBack(NoteLog notes, String reason) {
    notes.repository(
        "git checkout, but "
            + reason
            + "; files were found by walking the folder with .gitignore applied instead");
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  /** Offers every tracked file to the collector, in the index's (path) order. */
  void offerTrackedFiles() {
    int count = index.getEntryCount();
    for (int i = 0; i < count; i++) {
      String path = FileNames.decodeUtf8(index.getEntry(i).getRawPath()).orElse(null);
      if (path != null && path.endsWith("/" + ExcludedFolders.VIRTUALENV_MARKER)) {
        virtualenvsInIndex.add(path.substring(0, path.lastIndexOf('/')));
      }
    }
    byte[] previous = null;
    for (int i = 0; i < count; i++) {
      DirCacheEntry entry = index.getEntry(i);
      byte[] raw = entry.getRawPath();
      // an unmerged path has one entry per conflict stage: it is one file
      if (previous != null && Arrays.equals(previous, raw)) {
        continue;
      }
      previous = raw;
      if (!offer(entry, raw)) {
        notes.repository(
            "file limit of "
                + limits.maxFiles()
                + " reached; "
                + (count - i)
                + " more tracked entries were not examined");
        return;
      }
    }
  }

  /** Offers one entry; false only when the file limit stopped it. */
  private boolean offer(DirCacheEntry entry, byte[] raw) {
    Optional<String> decoded = FileNames.decodeUtf8(raw);
    if (decoded.isEmpty()) {
      notes.file(Kind.BAD_NAME, FileNames.lossy(raw), "file name is not valid UTF-8; skipped");
      return true;
    }
    String path = decoded.get();
    if (!isSafe(path)) {
      notes.file(Kind.UNSAFE_PATH, path, "absolute path or '..' segment in the git index; skipped");
      return true;
    }
    if (entry.getFileMode() == FileMode.GITLINK) {
      notes.file(Kind.SUBMODULE, path, "submodule; not fetched and its files are not indexed");
      return true;
    }
    String folder = parentOf(path);
    if (depthOf(folder) > limits.maxDepth()) {
      notes.file(
          Kind.TOO_DEEP, path, "nested deeper than " + limits.maxDepth() + " folders; skipped");
      return true;
    }
    if (!collector.withinLength(path) || excluded(folder)) {
      return true;
    }
    Path location;
    try {
      location = root.resolve(path);
    } catch (InvalidPathException e) {
      notes.file(Kind.BAD_NAME, path, "file name cannot be used on this platform; skipped");
      return true;
    }
    if (!throughRealFolders(folder)) {
      notes.file(
          Kind.SYMLINK_NOT_INDEXED,
          path,
          "a folder on the way to this tracked file is a symbolic link; not followed");
      return true;
    }
    return collector.offer(path, location, null);
  }

  private static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private boolean excluded(String folder) {
    if (folder.isEmpty()) {
      return false;
    }
    Boolean known = excludedFolders.get(folder);
    if (known != null) {
      return known;
    }
    String parent = parentOf(folder);
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    boolean result =
        excluded(parent)
            || ExcludedFolders.excludedByName(name, parent.isEmpty())
            || isVirtualenv(folder);
    excludedFolders.put(folder, result);
    return result;
  }

  private boolean isVirtualenv(String folder) {
    if (virtualenvsInIndex.contains(folder)) {
      return true;
    }
    try {
      return SafeFiles.attributes(root.resolve(folder).resolve(ExcludedFolders.VIRTUALENV_MARKER))
          .isRegularFile();
    } catch (IOException | InvalidPathException e) {
      return false;
    }
  }

  /**
   * Whether every folder from the root down to {@code folder} is a real folder, not a link. Git
   * never checks a file out beyond a symbolic link, but a crafted index could name one. A missing
   * folder passes: the file is then reported as missing.
   */
  private boolean throughRealFolders(String folder) {
    if (folder.isEmpty()) {
      return true;
    }
    Boolean known = realFolders.get(folder);
    if (known != null) {
      return known;
    }
    boolean result = throughRealFolders(parentOf(folder));
    if (result) {
      try {
        result = !SafeFiles.attributes(root.resolve(folder)).isSymbolicLink();
      } catch (IOException e) {
        result = true;
      }
    }
    realFolders.put(folder, result);
    return result;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static int depthOf(String folder) {
    if (folder.isEmpty()) {
      return 0;
    }
    int depth = 1;
    for (int i = 0; i < folder.length(); i++) {
      if (folder.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }
}
