package dev.fleetcheck.vcs.fetch;

import static dev.fleetcheck.vcs.fetch.JGitFetcherTest.assertFails;
import static dev.fleetcheck.vcs.fetch.JGitFetcherTest.repoWithHistory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote's head, asked for without a clone: loopback servers only. */
class JGitFetcherResolveHeadTest {

  private static final FetchLimits SMALL =
      new FetchLimits(Duration.ofSeconds(30), 10L * 1024 * 1024, 1_000);

  @TempDir Path fleet;
  @TempDir Path work;

  private JGitFetcher fetcher(FetchLimits limits) {
    return new JGitFetcher(limits, work, Optional.empty(), true);
  }

  @Test
  void answersTheCommitAFetchWouldCheckOutWithoutWritingAnything() throws Exception {
    String head = repoWithHistory(fleet.resolve("payments"), 3);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      RepoRef ref = new RepoRef("payments", server.url("payments"), "", "");

      Optional<String> resolved = fetcher(SMALL).resolveHead(ref);

      assertThat(resolved).contains(head);
      assertThat(workFolders()).isEmpty();
      try (FetchedRepo fetched = fetcher(SMALL).fetch(ref)) {
        assertThat(fetched.commit()).isEqualTo(resolved.get());
      }
    }
  }

  @Test
  void answersTheNamedBranchInsteadOfHead() throws Exception {
    Path repo = fleet.resolve("payments");
    String first = repoWithHistory(repo, 1);
    try (Git git = Git.open(repo.toFile())) {
      git.branchCreate().setName("release").call();
    }
    String head = repoWithHistory(repo, 2);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      JGitFetcher fetcher = fetcher(SMALL);

      assertThat(fetcher.resolveHead(new RepoRef("payments", server.url("payments"), "", "")))
          .contains(head);
      assertThat(
              fetcher.resolveHead(new RepoRef("payments", server.url("payments"), "", "release")))
          .contains(first)
          .isNotEqualTo(Optional.of(head));
    }
  }

  @Test
  void aMissingBranchIsLeftToTheFetchToReport() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 1);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertThat(
              fetcher(SMALL)
                  .resolveHead(new RepoRef("payments", server.url("payments"), "", "nope")))
          .isEmpty();
    }
  }

  @Test
  void aMissingRepositoryIsNotFound() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 1);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertFails(
          () -> fetcher(SMALL).resolveHead(new RepoRef("ghost", server.url("ghost"), "", "")),
          ErrorCode.REPO_NOT_FOUND);
    }
  }

  @Test
  void anInvalidUrlIsRefused() {
    assertFails(
        () -> fetcher(SMALL).resolveHead(new RepoRef("x", "ftp://example.com/x", "", "")),
        ErrorCode.INVALID_REPO_URL);
  }

  @Test
  void aSilentServerTimesOutWithinTheFetchBound() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      FetchLimits quick = new FetchLimits(Duration.ofSeconds(1), 10L * 1024 * 1024, 1_000);

      assertFails(
          () -> fetcher(quick).resolveHead(new RepoRef("stalled", silent.url("stalled"), "", "")),
          ErrorCode.CLONE_TIMEOUT);
    }
  }

  private List<Path> workFolders() throws IOException {
    try (Stream<Path> entries = Files.list(work)) {
      return entries.toList();
    }
  }
}
