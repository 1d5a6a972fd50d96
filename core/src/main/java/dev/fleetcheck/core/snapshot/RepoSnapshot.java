package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.model.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bounded, immutable index of a checked-out repository: which files count (RULES.md, "Which files
 * exist"), their sizes and kinds, and notes on whatever was skipped. Content is read on demand and
 * never for files over the content limit.
 */
public final class RepoSnapshot {

  private final Path root;
  private final Map<String, SourceFile> files;
  private final List<Evidence> notes;
  private final boolean gitCheckout;
  private final SnapshotLimits limits;

  RepoSnapshot(
      Path root,
      List<SourceFile> files,
      List<Evidence> notes,
      boolean gitCheckout,
      SnapshotLimits limits) {
    this.root = root;
    TreeMap<String, SourceFile> byPath = new TreeMap<>();
    for (SourceFile file : files) {
      byPath.put(file.path(), file);
    }
    this.files = Collections.unmodifiableMap(byPath);
    this.notes = List.copyOf(notes);
    this.gitCheckout = gitCheckout;
    this.limits = limits;
  }

  /** Indexes the tree at {@code root} within {@code limits}. */
  public static RepoSnapshot of(Path root, SnapshotLimits limits) {
    return new SnapshotWalker(root, limits).walk();
  }

  public static RepoSnapshot of(Path root) {
    return of(root, SnapshotLimits.defaults());
  }

  public Path root() {
    return root;
  }

  /** Every indexed file, ordered by path. */
  public List<SourceFile> files() {
    return List.copyOf(files.values());
  }

  public Optional<SourceFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public boolean exists(String path) {
    return files.containsKey(path);
  }

  /** Whether the file set came from the git index rather than a walk of the folder. */
  public boolean gitCheckout() {
    return gitCheckout;
  }

  public SnapshotLimits limits() {
    return limits;
  }

  /** What the walk skipped or could not index, for the report's notes. */
  public List<Evidence> notes() {
    return notes;
  }

  /**
   * The file's text, decoded as UTF-8 with malformed bytes replaced; empty when the file is not
   * indexed, binary or over the content limit.
   */
  public Optional<String> readText(String path) {
    SourceFile file = files.get(path);
    if (file == null || file.binary() || !file.contentReadable()) {
      return Optional.empty();
    }
    return readBytes(file).map(RepoSnapshot::decodeUtf8Leniently);
  }

  /** The file's raw bytes; empty when not indexed or over the content limit. */
  public Optional<byte[]> readBytes(String path) {
    SourceFile file = files.get(path);
    if (file == null || !file.contentReadable()) {
      return Optional.empty();
    }
    return readBytes(file);
  }

  private Optional<byte[]> readBytes(SourceFile file) {
    try {
      Path resolved = root.resolve(file.path());
      if (Files.isSymbolicLink(resolved) || !Files.isRegularFile(resolved)) {
        return Optional.empty();
      }
      if (Files.size(resolved) > limits.maxContentBytes()) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(resolved));
    } catch (IOException e) {
      return Optional.empty();
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  static String decodeUtf8Leniently(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }
}
