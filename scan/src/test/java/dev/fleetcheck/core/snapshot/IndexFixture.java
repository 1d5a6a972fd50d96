package dev.fleetcheck.core.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.FS;

/**
 * Git repositories whose index says exactly what a test needs, including what git itself would
 * never write (paths with '..', names that are not UTF-8), by patching a written index and
 * recomputing its checksum.
 */
final class IndexFixture {

  private IndexFixture() {}

  static Path init(Path folder) throws GitAPIException {
    Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call().close();
    return folder;
  }

  static DirCacheEntry entry(String path, FileMode mode) {
    return entry(path, mode, DirCacheEntry.STAGE_0);
  }

  static DirCacheEntry entry(String path, FileMode mode, int stage) {
    DirCacheEntry entry = new DirCacheEntry(path, stage);
    entry.setFileMode(mode);
    entry.setObjectId(ObjectId.zeroId());
    return entry;
  }

  /** Replaces the repository's index with these entries. */
  static void writeIndex(Path repo, DirCacheEntry... entries) throws IOException {
    DirCache cache = DirCache.lock(indexFile(repo).toFile(), FS.DETECTED);
    try {
      DirCacheBuilder builder = cache.builder();
      for (DirCacheEntry entry : entries) {
        builder.add(entry);
      }
      builder.finish();
      cache.write();
      cache.commit();
    } finally {
      cache.unlock();
    }
  }

  /** Index with one regular entry per path. */
  static void track(Path repo, String... paths) throws IOException {
    DirCacheEntry[] entries = new DirCacheEntry[paths.length];
    for (int i = 0; i < paths.length; i++) {
      entries[i] = entry(paths[i], FileMode.REGULAR_FILE);
    }
    writeIndex(repo, entries);
  }

  /**
   * Rewrites a path inside the index, byte for byte ({@code replacement} must be as long as {@code
   * placeholder}), and fixes the trailing SHA-1 so the index still reads as intact.
   */
  static void patchPath(Path repo, String placeholder, byte[] replacement)
      throws IOException, NoSuchAlgorithmException {
    byte[] from = placeholder.getBytes(StandardCharsets.UTF_8);
    if (from.length != replacement.length) {
      throw new IllegalArgumentException("replacement must keep the length");
    }
    Path index = indexFile(repo);
    byte[] bytes = Files.readAllBytes(index);
    int at = indexOf(bytes, from);
    if (at < 0) {
      throw new IllegalArgumentException("placeholder not in the index: " + placeholder);
    }
    System.arraycopy(replacement, 0, bytes, at, replacement.length);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(bytes, 0, bytes.length - 20);
    System.arraycopy(sha1.digest(), 0, bytes, bytes.length - 20, 20);
    Files.write(index, bytes);
  }

  static Path indexFile(Path repo) {
    return repo.resolve(".git").resolve("index");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
