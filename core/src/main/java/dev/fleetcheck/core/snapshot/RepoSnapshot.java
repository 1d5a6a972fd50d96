package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.model.Evidence;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, immutable index of a checked-out repository: which files count (RULES.md, "Which files
 * exist"), their sizes and kinds, and notes on whatever was skipped or limited.
 *
 * <ul>
 *   <li>In a git checkout the file set is exactly the index's entries ({@code .gitignore} does not
 *       matter); otherwise a walk of the folder with every {@code .gitignore} applied. Either way
 *       {@code .git}, {@code node_modules}, {@code site-packages}, {@code __pycache__}, root-level
 *       {@code build}/{@code dist} and folders holding {@code pyvenv.cfg} never count.
 *   <li>Symbolic links are never followed out of the tree. A link to a file that itself counts is
 *       indexed under the link's own path with the target's content (so a {@code Makefile} linked
 *       from elsewhere in the repository is seen); a link to a folder, to an uncounted file, to
 *       anything outside the tree, or that loops or dangles is skipped with a note, and its target
 *       is never read.
 *   <li>Only regular files are ever opened (checked without following links first): FIFOs, sockets
 *       and devices are skipped with a note.
 *   <li>Every limit of {@link SnapshotLimits} that is hit, and every name that is not valid UTF-8,
 *       becomes a note.
 * </ul>
 *
 * <p>Content is read on demand and never for files over the content limit.
 */
public final class RepoSnapshot {

  private static final Comparator<SourceFile> BY_PATH = Comparator.comparing(SourceFile::path);

  private final Path root;
  private final List<SourceFile> ordered;
  private final Map<String, SourceFile> byPath;
  private final Map<String, String> linkTargets;
  private final List<Evidence> notes;
  private final boolean gitCheckout;
  private final SnapshotLimits limits;

  RepoSnapshot(
      Path root,
      List<SourceFile> files,
      List<Evidence> notes,
      boolean gitCheckout,
      SnapshotLimits limits,
      Map<String, String> linkTargets) {
    this.root = root;
    this.ordered = files.stream().sorted(BY_PATH).toList();
    Map<String, SourceFile> index = new HashMap<>(files.size() * 2);
    for (SourceFile file : ordered) {
      index.put(file.path(), file);
    }
    this.byPath = index;
    this.linkTargets = Map.copyOf(linkTargets);
    this.notes = List.copyOf(notes);
    this.gitCheckout = gitCheckout;
    this.limits = limits;
  }

  /** Indexes the tree at {@code root} within {@code limits}. Never throws for a bad tree. */
  public static RepoSnapshot of(Path root, SnapshotLimits limits) {
    return new SnapshotIndexer(root, limits).index();
  }

  public static RepoSnapshot of(Path root) {
    return of(root, SnapshotLimits.defaults());
  }

  public Path root() {
    return root;
  }

  /** Every indexed file, ordered by path. */
  public List<SourceFile> files() {
    return ordered;
  }

  public Optional<SourceFile> file(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public boolean exists(String path) {
    return byPath.containsKey(path);
  }

  /**
   * For an indexed symbolic link, the repository-relative path of the file it names (and whose
   * content it shows); empty for a regular file or a path that is not indexed.
   */
  public Optional<String> linkTarget(String path) {
    return Optional.ofNullable(linkTargets.get(path));
  }

  /** Whether the file set came from the git index rather than a walk of the folder. */
  public boolean gitCheckout() {
    return gitCheckout;
  }

  public SnapshotLimits limits() {
    return limits;
  }

  /** What indexing skipped or limited, for the report's notes. */
  public List<Evidence> notes() {
    return notes;
  }

  /**
   * The file's text, decoded as UTF-8 with malformed bytes replaced; empty when the file is not
   * indexed, binary or over the content limit.
   */
  public Optional<String> readText(String path) {
    SourceFile file = byPath.get(path);
    if (file == null || file.binary() || !file.contentReadable()) {
      return Optional.empty();
    }
    return readBytes(file).map(RepoSnapshot::decodeUtf8Leniently);
  }

  /** The file's raw bytes; empty when not indexed, over the content limit or no longer readable. */
  public Optional<byte[]> readBytes(String path) {
    SourceFile file = byPath.get(path);
    if (file == null || !file.contentReadable()) {
      return Optional.empty();
    }
    return readBytes(file);
  }

  private Optional<byte[]> readBytes(SourceFile file) {
    String onDisk = linkTargets.getOrDefault(file.path(), file.path());
    try {
      return SafeFiles.readRegular(root.resolve(onDisk), limits.maxContentBytes());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  static String decodeUtf8Leniently(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }
}
