package dev.fleetcheck.cli;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A fake fetcher: "clones" by copying a fixture folder, and removes the copy on close. */
final class CopyingFetcher implements RepoFetcher {

  static final String COMMIT = "fedcba9876543210fedcba9876543210fedcba98";

  private final Path source;
  private final Path workRoot;
  final List<RepoRef> requested = new ArrayList<>();
  final List<Path> released = new ArrayList<>();

  CopyingFetcher(Path source, Path workRoot) {
    this.source = source;
    this.workRoot = workRoot;
  }

  /** A fetcher that always fails with {@code code}. */
  static RepoFetcher failing(ErrorCode code) {
    return repo -> {
      throw new FleetcheckException(code, "could not clone " + repo.name());
    };
  }

  @Override
  public FetchedRepo fetch(RepoRef repo) {
    requested.add(repo);
    Path copy = workRoot.resolve("clone-" + requested.size());
    copyTree(source, copy);
    return new FetchedRepo() {
      @Override
      public Path directory() {
        return copy;
      }

      @Override
      public String commit() {
        return COMMIT;
      }

      @Override
      public void close() {
        released.add(copy);
        deleteTree(copy);
      }
    };
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
