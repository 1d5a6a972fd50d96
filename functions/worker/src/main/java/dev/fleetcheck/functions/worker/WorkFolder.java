package dev.fleetcheck.functions.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder under /tmp the worker clones into. Lambda keeps /tmp between invocations of an
 * instance, and a clone of a job that timed out or crashed may be left behind, so the folder is
 * emptied before and after every invocation.
 */
final class WorkFolder {

  private final Path root;

  WorkFolder(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Deletes everything under the root and leaves the root, empty. */
  void clean() {
    try {
      if (Files.exists(root)) {
        try (Stream<Path> paths = Files.walk(root)) {
          paths
              .sorted(Comparator.reverseOrder())
              .filter(p -> !p.equals(root))
              .forEach(WorkFolder::delete);
        }
      }
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
