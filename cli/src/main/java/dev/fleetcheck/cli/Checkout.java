package dev.fleetcheck.cli;

import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoRef;
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

  static Checkout clone(ScanTarget.GitUrl target, RepoFetcher fetcher) {
    FetchedRepo fetched = fetcher.fetch(new RepoRef(target.name(), target.url(), "", ""));
    return new Checkout(
        fetched.directory(),
        new RepositoryRef(target.name(), target.displaySource(), fetched.commit()),
        fetched::close);
  }

  @Override
  public void close() {
    release.run();
  }
}
