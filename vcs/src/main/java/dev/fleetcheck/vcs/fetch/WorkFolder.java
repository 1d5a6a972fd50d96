package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.port.FetchedRepo;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** A fetched work tree in its own temporary folder; closing it deletes the folder. */
final class WorkFolder implements FetchedRepo {

  private final Path directory;
  private final String commit;
  private final AtomicBoolean closed = new AtomicBoolean();

  WorkFolder(Path directory, String commit) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.commit = Objects.requireNonNull(commit, "commit");
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public String commit() {
    return commit;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      delete(directory);
    }
  }

  private static final int DELETE_PASSES = 10;
  private static final long PAUSE_BETWEEN_PASSES_MS = 50;

  /**
   * Deletes {@code root} and everything below it without following symbolic links. Best effort: a
   * file that cannot be removed is skipped so the rest still goes.
   *
   * @return whether the folder is gone
   */
  static boolean delete(Path root) {
    // Further passes catch a file that a stopping JGit thread (a clone winding down after its
    // deadline) created during the previous pass.
    for (int pass = 1; ; pass++) {
      if (deleteOnce(root) || pass == DELETE_PASSES) {
        return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
      }
      try {
        Thread.sleep(PAUSE_BETWEEN_PASSES_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return deleteOnce(root);
      }
    }
  }

  private static boolean deleteOnce(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              deleteQuietly(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              deleteQuietly(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              deleteQuietly(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    }
    return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left for the caller's check; one stubborn file must not keep the rest.
    }
  }

  /** Bytes of the regular files below {@code root}; files vanishing meanwhile count as zero. */
  static long size(Path root) {
    long[] total = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              total[0] += attrs.isRegularFile() ? attrs.size() : 0;
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }

  @Override
  public String toString() {
    return "WorkFolder[" + directory + " @ " + commit + "]";
  }
}
