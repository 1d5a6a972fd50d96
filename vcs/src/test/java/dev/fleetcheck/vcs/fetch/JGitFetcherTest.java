package dev.fleetcheck.vcs.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.AccessToken;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class JGitFetcherTest {

  private static final FetchLimits SMALL =
      new FetchLimits(Duration.ofSeconds(30), 10L * 1024 * 1024, 1_000);

  @TempDir Path fleet;
  @TempDir Path work;

  private JGitFetcher fetcher(FetchLimits limits) {
    return new JGitFetcher(limits, work, Optional.empty(), true);
  }

  @Test
  void clonesTheDefaultBranchTipFromTheLoopbackServer() throws Exception {
    String head = repoWithHistory(fleet.resolve("payments"), 3);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet);
        FetchedRepo fetched =
            fetcher(SMALL).fetch(new RepoRef("payments", server.url("payments"), "", ""))) {
      assertThat(fetched.commit()).isEqualTo(head);
      assertThat(fetched.directory()).isDirectory().startsWith(work);
      assertThat(Files.readString(fetched.directory().resolve("src/app.py")))
          .isEqualTo("version = 3\n");
      assertThat(shallowDepth(fetched.directory())).isEqualTo(1);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void clonesTheNamedBranchInsteadOfHead() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 2);
    String release;
    try (Git git = Git.open(fleet.resolve("payments").toFile())) {
      git.branchCreate().setName("release").call();
      git.checkout().setName("release").call();
      Files.writeString(fleet.resolve("payments/RELEASE"), "yes\n");
      release = commitAll(git, "release only");
      git.checkout().setName("main").call();
    }
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet);
        FetchedRepo fetched =
            fetcher(SMALL).fetch(new RepoRef("payments", server.url("payments"), "", "release"))) {
      assertThat(fetched.commit()).isEqualTo(release);
      assertThat(fetched.directory().resolve("RELEASE")).exists();
    }
  }

  @Test
  void clonesAFileUrlShallowly() throws Exception {
    Path source = fleet.resolve("local");
    String head = repoWithHistory(source, 3);
    try (FetchedRepo fetched =
        fetcher(SMALL).fetch(new RepoRef("local", source.toUri().toString(), "", ""))) {
      assertThat(fetched.commit()).isEqualTo(head);
      assertThat(shallowDepth(fetched.directory())).isEqualTo(1);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void refusesFileUrlsUnlessAllowed() throws Exception {
    Path source = fleet.resolve("local");
    repoWithHistory(source, 1);
    JGitFetcher remoteOnly = new JGitFetcher(SMALL, work, Optional.empty(), false);
    assertFails(
        () -> remoteOnly.fetch(new RepoRef("local", source.toUri().toString(), "", "")),
        ErrorCode.INVALID_REPO_URL);
  }

  @Test
  void invalidUrlIsRefusedBeforeAnyWorkFolderExists() {
    assertFails(
        () -> fetcher(SMALL).fetch(new RepoRef("x", "ext::sh -c touch% /tmp/pwned", "", "")),
        ErrorCode.INVALID_REPO_URL);
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void repositoryOverTheByteBoundIsTooLargeAndLeavesNothing() throws Exception {
    byte[] noise = new byte[400 * 1024];
    new Random(7).nextBytes(noise);
    FixtureRepo.in(fleet.resolve("big")).bytes("data.bin", noise).git().build();
    FetchLimits tiny = new FetchLimits(Duration.ofSeconds(30), 100 * 1024, 1_000);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertFails(
          () -> fetcher(tiny).fetch(new RepoRef("big", server.url("big"), "", "")),
          ErrorCode.REPO_TOO_LARGE);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void repositoryOverTheFileCountBoundIsTooLarge() throws Exception {
    FixtureRepo many = FixtureRepo.in(fleet.resolve("many"));
    for (int i = 0; i < 30; i++) {
      many.file("pkg/module_" + i + ".py", "x = " + i + "\n");
    }
    many.git().build();
    FetchLimits fewFiles = new FetchLimits(Duration.ofSeconds(30), 10L * 1024 * 1024, 10);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertFails(
          () -> fetcher(fewFiles).fetch(new RepoRef("many", server.url("many"), "", "")),
          ErrorCode.REPO_TOO_LARGE);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void silentServerTimesOutWithinTheBoundAndLeavesNothing() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      FetchLimits quick = new FetchLimits(Duration.ofSeconds(1), 10L * 1024 * 1024, 1_000);
      assertFails(
          () -> fetcher(quick).fetch(new RepoRef("stalled", silent.url("stalled"), "", "")),
          ErrorCode.CLONE_TIMEOUT);
      assertThat(workFolders()).isEmpty();
    }
  }

  @Test
  void missingRepositoryIsNotFoundAndLeavesNothing() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 1);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertFails(
          () -> fetcher(SMALL).fetch(new RepoRef("ghost", server.url("ghost"), "", "")),
          ErrorCode.REPO_NOT_FOUND);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void missingBranchFailsClearly() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 1);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertFails(
          () ->
              fetcher(SMALL)
                  .fetch(new RepoRef("payments", server.url("payments"), "", "no-such-branch")),
          ErrorCode.CLONE_FAILED);
    }
    assertThat(workFolders()).isEmpty();
  }

  @Test
  void noHookRunsAndNoSubmoduleIsFetched() throws Exception {
    Path library = fleet.resolve("library");
    repoWithHistory(library, 1);
    Path app = fleet.resolve("app");
    repoWithHistory(app, 1);
    Path marker = fleet.resolve("hook-ran");
    String head;
    try (Git git = Git.open(app.toFile())) {
      git.submoduleAdd().setPath("vendor/library").setURI(library.toUri().toString()).call();
      head = commitAll(git, "add submodule");
    }
    for (String hook :
        List.of("post-checkout", "post-merge", "post-rewrite", "reference-transaction")) {
      Path script = app.resolve(".git/hooks").resolve(hook);
      Files.createDirectories(script.getParent());
      Files.writeString(script, "#!/bin/sh\ntouch '" + marker + "'\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet);
        FetchedRepo fetched = fetcher(SMALL).fetch(new RepoRef("app", server.url("app"), "", ""))) {
      assertThat(fetched.commit()).isEqualTo(head);
      assertThat(fetched.directory().resolve(".gitmodules")).exists();
      assertThat(fetched.directory().resolve("vendor/library")).isEmptyDirectory();
      assertThat(fetched.directory().resolve(".git/modules")).doesNotExist();
      assertThat(fetched.directory().resolve(".git/hooks/post-checkout")).doesNotExist();
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void symbolicLinksArriveAsPlainFiles() throws Exception {
    Path source = fleet.resolve("links");
    FixtureRepo.in(source).file("README.md", "hi\n").build();
    Files.createSymbolicLink(source.resolve("passwd"), Path.of("/etc/passwd"));
    try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
      commitAll(git, "link");
    }
    try (FetchedRepo fetched =
        fetcher(SMALL).fetch(new RepoRef("links", source.toUri().toString(), "", ""))) {
      Path link = fetched.directory().resolve("passwd");
      assertThat(Files.isSymbolicLink(link)).isFalse();
      assertThat(Files.readString(link)).isEqualTo("/etc/passwd");
    }
  }

  @Test
  void hostGitConfigurationIsNotRead() {
    IsolatedGitConfig.install();
    assertThat(org.eclipse.jgit.util.SystemReader.getInstance().getProperty("user.home"))
        .isEqualTo(IsolatedGitConfig.home().toString());
    assertThat(org.eclipse.jgit.util.SystemReader.getInstance().getenv("GIT_CONFIG_GLOBAL"))
        .isNull();
  }

  @Test
  void tokenIsNeverPartOfAnErrorMessage() throws Exception {
    repoWithHistory(fleet.resolve("payments"), 1);
    AccessToken token = AccessToken.of("ghp_never_print_me");
    JGitFetcher withToken = new JGitFetcher(SMALL, work, Optional.of(token), true);
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertThatThrownBy(() -> withToken.fetch(new RepoRef("ghost", server.url("ghost"), "", "")))
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.getMessage()).doesNotContain(token.reveal()));
    }
  }

  static void assertFails(Runnable fetch, ErrorCode code) {
    assertThatThrownBy(fetch::run)
        .isInstanceOfSatisfying(
            FleetcheckException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  private List<Path> workFolders() {
    try (Stream<Path> entries = Files.list(work)) {
      return entries.toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int shallowDepth(Path clone) throws IOException {
    try (Repository repo = Git.open(clone.toFile()).getRepository()) {
      return repo.getObjectDatabase().getShallowCommits().size();
    }
  }

  /** A repository with {@code commits} commits on main, each changing src/app.py; returns HEAD. */
  static String repoWithHistory(Path folder, int commits) throws Exception {
    Files.createDirectories(folder);
    try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
      String head = "";
      for (int i = 1; i <= commits; i++) {
        Path file = folder.resolve("src/app.py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "version = " + i + "\n", StandardCharsets.UTF_8);
        head = commitAll(git, "change " + i);
      }
      return head;
    }
  }

  static String commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.invalid");
    RevCommit commit =
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    assertThat(git.getRepository().resolve(Constants.HEAD)).isEqualTo(commit.getId());
    return commit.name();
  }
}
