package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.model.Evidence;
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
 * <p>Content is read on demand and never for files over the content limit. A file read more than
 * once is kept in memory from its second read on (a Python source from its first), within {@link
 * #REREAD_BUDGET_BYTES}, so the facts that each read the same Python and configuration files share
 * one read; the text of documentation ({@link SourceFile#isDocumentation()}) is kept from its first
 * read within {@link #DOCUMENTATION_TEXT_BUDGET_CHARS}.
 */
public final class RepoSnapshot {

  /** Content kept for files read more than once; past it, files are read from disk each time. */
  static final long REREAD_BUDGET_BYTES = 64L * 1024 * 1024;

  /**
   * Text kept for documentation pages, apart from {@link #REREAD_BUDGET_BYTES}: the secret scan
   * reads every page and the documentation checks read them again.
   */
  static final long DOCUMENTATION_TEXT_BUDGET_CHARS = 32L * 1024 * 1024;

  private static final Comparator<SourceFile> BY_PATH = Comparator.comparing(SourceFile::path);

  private final Path root;
  private final List<SourceFile> ordered;
  private final Map<String, SourceFile> byPath;
  private final Map<String, String> linkTargets;
  private final List<Evidence> notes;
  private final boolean gitCheckout;
  private final SnapshotLimits limits;
  private final ScanDeadline deadline;
  private final RereadCache rereads =
      new RereadCache(REREAD_BUDGET_BYTES, DOCUMENTATION_TEXT_BUDGET_CHARS);

  RepoSnapshot(
      Path root,
      List<SourceFile> files,
      List<Evidence> notes,
      boolean gitCheckout,
      SnapshotLimits limits,
      Map<String, String> linkTargets,
      ScanDeadline deadline) {
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
    this.deadline = deadline;
  }

  /** Indexes the tree at {@code root} within {@code limits}. Never throws for a bad tree. */
  public static RepoSnapshot of(Path root, SnapshotLimits limits) {
    return of(root, limits, ScanDeadline.none());
  }

  /**
   * Indexes the tree at {@code root} within {@code limits}; indexing and every later read of the
   * snapshot stop with SCAN_TIMEOUT once {@code deadline} has passed. Never throws for a bad tree.
   */
  public static RepoSnapshot of(Path root, SnapshotLimits limits, ScanDeadline deadline) {
    return new SnapshotIndexer(root, limits, deadline).index();
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

  /** The path of every indexed file, in the order of {@link #files()}. */
  public List<String> paths() {
    return ordered.stream().map(SourceFile::path).toList();
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

  /** The bound of the scan this snapshot serves; the engine checks it between rules. */
  public ScanDeadline deadline() {
    return deadline;
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
    deadline.check();
    String keptText = rereads.text(path);
    if (keptText != null) {
      return Optional.of(keptText);
    }
    byte[] content = content(file, true);
    if (content == null) {
      return Optional.empty();
    }
    String text = decoded(file, content);
    rereads.offerText(path, content, text);
    return Optional.of(text);
  }

  /**
   * As {@link #readText}, for a pass that reads every file once (the secret scan): a kept copy is
   * used, but the read never counts toward keeping one, so the pass does not fill the cache with
   * files nobody reads again; only documentation, which the documentation checks read again, is
   * kept as text.
   */
  public Optional<String> readTextInPass(String path) {
    SourceFile file = byPath.get(path);
    if (file == null || file.binary() || !file.contentReadable()) {
      return Optional.empty();
    }
    deadline.check();
    String keptText = rereads.text(path);
    if (keptText != null) {
      return Optional.of(keptText);
    }
    byte[] content = content(file, false);
    return content == null ? Optional.empty() : Optional.of(decoded(file, content));
  }

  /** The content decoded; documentation's text is kept from this first read (its own budget). */
  private String decoded(SourceFile file, byte[] content) {
    String text = decodeUtf8Leniently(content);
    if (file.isDocumentation()) {
      rereads.keepText(file.path(), text);
    }
    return text;
  }

  /** The file's raw bytes; empty when not indexed, over the content limit or no longer readable. */
  public Optional<byte[]> readBytes(String path) {
    SourceFile file = byPath.get(path);
    if (file == null || !file.contentReadable()) {
      return Optional.empty();
    }
    byte[] content = content(file, true);
    return content == null ? Optional.empty() : Optional.of(content.clone());
  }

  /**
   * The file's content, possibly the kept copy (never modify it); null when unreadable. {@code
   * counted} reads may lead to keeping a copy.
   */
  private byte[] content(SourceFile file, boolean counted) {
    deadline.check();
    byte[] kept = rereads.get(file.path());
    if (kept != null) {
      return kept;
    }
    String onDisk = linkTargets.getOrDefault(file.path(), file.path());
    Optional<byte[]> read;
    try {
      read = SafeFiles.readRegular(root.resolve(onDisk), limits.maxContentBytes());
    } catch (InvalidPathException e) {
      return null;
    }
    if (read.isEmpty()) {
      return null;
    }
    if (counted) {
      rereads.offer(file.path(), read.get(), file.isPython());
    }
    return read.get();
  }

  /** Bytes of content kept for files read more than once (at most {@link #REREAD_BUDGET_BYTES}). */
  long keptBytes() {
    return rereads.usedBytes();
  }

  /**
   * Decodes UTF-8, each malformed sequence replaced by U+FFFD exactly as a replacing {@link
   * java.nio.charset.CharsetDecoder} does; the String constructor has a fast path for ASCII.
   */
  static String decodeUtf8Leniently(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
