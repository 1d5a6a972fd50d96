package dev.fleetcheck.cli;

import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import java.nio.file.Path;

/** A work tree ready to scan, and how to let go of it (a clone is removed, a local folder kept). */
record Checkout(Path directory, RepositoryRef repository, Runnable release)
    implements AutoCloseable {

  static Checkout local(ScanTarget.LocalPath target) {
    Path folder = target.path().toAbsolutePath().normalize();
    return new Checkout(
        folder,
        new RepositoryRef(target.name(), target.displaySource(), LocalCommit.of(folder)),
        () -> {});
  }

  /**
   * Clones through {@code fetcher}. The clone is removed on close, and also when the process is
   * interrupted (Ctrl+C) while the scan runs.
   */
  static Checkout clone(ScanTarget.GitUrl target, RepoFetcher fetcher) {
    FetchedRepo fetched = fetcher.fetch(new RepoRef(target.name(), target.url(), "", ""));
    Thread onInterrupt = new Thread(fetched::close, "fleetcheck-remove-clone");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    return new Checkout(
        fetched.directory(),
        new RepositoryRef(target.name(), target.displaySource(), fetched.commit()),
        () -> {
          try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
          } catch (IllegalStateException shuttingDown) {
            return; // the hook is removing the clone already
          }
          fetched.close();
        });
  }

  @Override
  public void close() {
    release.run();
  }
}
