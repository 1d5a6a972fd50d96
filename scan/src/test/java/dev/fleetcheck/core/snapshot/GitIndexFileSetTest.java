package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a git checkout the file set is exactly the tracked files (RULES.md, "Which files exist"). */
class GitIndexFileSetTest {

  @TempDir Path dir;

  @Test
  void trackedFilesCountEvenWhenIgnoredAndUntrackedFilesDoNot() throws Exception {
    Path repo =
        FixtureRepo.in(dir)
            .file(".gitignore", "*.log\n")
            .file("app.py", "print('hi')\n")
            .file("debug.log", "tracked although ignored\n")
            .file("notes.txt", "never added\n")
            .build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, ".gitignore", "app.py", "debug.log");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isTrue();
    assertThat(paths(snapshot)).containsExactly(".gitignore", "app.py", "debug.log");
    assertThat(snapshot.readText("debug.log")).contains("tracked although ignored\n");
  }

  @Test
  void aCommittedFixtureRepositoryIsReadFromItsIndex() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("src/pkg/__init__.py", "")
            .file("x.log", "")
            .git()
            .build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isTrue();
    assertThat(paths(snapshot)).containsExactly("pyproject.toml", "src/pkg/__init__.py", "x.log");
  }

  @Test
  void foldersThatNeverCountAreLeftOutOfTrackedFilesToo() throws Exception {
    List<String> tracked =
        List.of(
            "build/out.py",
            "dist/pkg.py",
            "src/build/keep.py",
            "src/dist/keep.py",
            "web/node_modules/lib/x.js",
            "lib/site-packages/y.py",
            "pkg/__pycache__/m.cpython-312.pyc",
            "venv/pyvenv.cfg",
            "venv/lib/z.py",
            "other-env/lib/untracked-marker.py",
            "env/not_a_venv.py");
    FixtureRepo fixture = FixtureRepo.in(dir);
    for (String path : tracked) {
      fixture.file(path, "x = 1\n");
    }
    Path repo = fixture.file("other-env/pyvenv.cfg", "home = /usr\n").build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, tracked.toArray(String[]::new));

    assertThat(paths(RepoSnapshot.of(repo)))
        .containsExactly("env/not_a_venv.py", "src/build/keep.py", "src/dist/keep.py");
  }

  @Test
  void aGitFileIsFollowedToAGitFolderElsewhere() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("work"));
    Path elsewhere = dir.resolve("store").resolve("repo.git");
    FixtureRepo.in(repo).file("a.py", "").file("untracked.py", "").build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, "a.py");
    Files.createDirectories(elsewhere.getParent());
    Files.move(repo.resolve(".git"), elsewhere);
    Files.writeString(repo.resolve(".git"), "gitdir: ../store/repo.git\n");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isTrue();
    assertThat(paths(snapshot)).containsExactly("a.py");
  }

  @Test
  void aGitFileWithAnAbsoluteGitdirWorks() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("work"));
    Path elsewhere = dir.resolve("repo.git");
    FixtureRepo.in(repo).file("a.py", "").file("b.py", "").build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, "b.py");
    Files.move(repo.resolve(".git"), elsewhere);
    Files.writeString(repo.resolve(".git"), "gitdir: " + elsewhere.toAbsolutePath() + "\n");

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly("b.py");
  }

  @Test
  void aGitFileNamingNothingFallsBackToTheWalkWithANote() throws Exception {
    Path repo = FixtureRepo.in(dir).file("a.py", "").file(".gitignore", "skip.py\n").build();
    Files.writeString(repo.resolve("skip.py"), "");
    Files.writeString(repo.resolve(".git"), "gitdir: ../does-not-exist\n");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isFalse();
    assertThat(paths(snapshot)).containsExactly(".gitignore", "a.py");
    assertThat(messages(snapshot))
        .anyMatch(m -> m.contains("does not exist") && m.contains("walking"));
  }

  @Test
  void aMissingIndexFallsBackToTheWalkWithGitignoreApplied() throws Exception {
    Path repo =
        FixtureRepo.in(dir)
            .file(".gitignore", "*.log\n")
            .file("app.py", "")
            .file("debug.log", "")
            .build();
    IndexFixture.init(repo);

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isFalse();
    assertThat(paths(snapshot)).containsExactly(".gitignore", "app.py");
    assertThat(messages(snapshot)).anyMatch(m -> m.contains("git index is missing"));
  }

  @Test
  void aCorruptIndexFallsBackToTheWalkWithANote() throws Exception {
    Path repo = FixtureRepo.in(dir).file("app.py", "").git().build();
    Files.write(IndexFixture.indexFile(repo), "DIRC garbage".getBytes(StandardCharsets.US_ASCII));

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isFalse();
    assertThat(paths(snapshot)).containsExactly("app.py");
    assertThat(messages(snapshot)).anyMatch(m -> m.contains("git index could not be read"));
  }

  @Test
  void anIndexNamingPathsOutsideTheTreeIsRejectedAndTheirTargetsNeverRead() throws Exception {
    Files.writeString(dir.resolve("outside.txt"), "outside the repository");
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("ok.py"), "");
    IndexFixture.init(repo);
    IndexFixture.track(repo, "ok.py", "zz/outside.txt", "zetc/passwd");
    IndexFixture.patchPath(
        repo, "zz/outside.txt", "../outside.txt".getBytes(StandardCharsets.UTF_8));
    IndexFixture.patchPath(repo, "zetc/passwd", "/etc/passwd".getBytes(StandardCharsets.UTF_8));

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    // JGit refuses such an index outright; the walk then only sees the folder itself
    assertThat(snapshot.gitCheckout()).isFalse();
    assertThat(paths(snapshot)).containsExactly("ok.py");
    assertThat(messages(snapshot))
        .anyMatch(m -> m.contains("git index could not be read: Invalid path"));
  }

  @Test
  void aTrackedNameThatIsNotUtf8IsSkippedWithANote() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("ok.py"), "");
    IndexFixture.init(repo);
    IndexFixture.track(repo, "caf_.py", "ok.py");
    IndexFixture.patchPath(repo, "caf_.py", HostileFiles.latin1("caf\u00e9.py"));

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(paths(snapshot)).containsExactly("ok.py");
    assertThat(snapshot.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).startsWith("caf").endsWith(".py");
              assertThat(n.message()).contains("not valid UTF-8");
            });
  }

  @Test
  void submodulesAreNotedAndNotEntered() throws Exception {
    Path repo = FixtureRepo.in(dir).file("a.py", "").file("vendor/lib/b.py", "").build();
    IndexFixture.init(repo);
    IndexFixture.writeIndex(
        repo,
        IndexFixture.entry("a.py", FileMode.REGULAR_FILE),
        IndexFixture.entry("vendor/lib", FileMode.GITLINK));

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(paths(snapshot)).containsExactly("a.py");
    assertThat(snapshot.notes())
        .contains(
            Evidence.file("vendor/lib", "submodule; not fetched and its files are not indexed"));
  }

  @Test
  void anUnmergedPathIsOneFile() throws Exception {
    Path repo = FixtureRepo.in(dir).file("conflict.py", "<<<<<<<\n").build();
    IndexFixture.init(repo);
    IndexFixture.writeIndex(
        repo,
        IndexFixture.entry("conflict.py", FileMode.REGULAR_FILE, 1),
        IndexFixture.entry("conflict.py", FileMode.REGULAR_FILE, 2),
        IndexFixture.entry("conflict.py", FileMode.REGULAR_FILE, 3));

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly("conflict.py");
  }

  @Test
  void aTrackedFileMissingFromTheWorkingTreeIsNoted() throws Exception {
    Path repo = FixtureRepo.in(dir).file("a.py", "").build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, "a.py", "gone.py");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(paths(snapshot)).containsExactly("a.py");
    assertThat(snapshot.notes())
        .contains(Evidence.file("gone.py", "tracked but not in the working tree; skipped"));
  }

  @Test
  void aTrackedPathBehindASymlinkedFolderIsNotFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.py"), "TOKEN = 'x'\n");
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("a.py"), "");
    HostileFiles.symlink(repo.resolve("linked"), outside.toString());
    IndexFixture.init(repo);
    IndexFixture.track(repo, "a.py", "linked/secret.py");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(paths(snapshot)).containsExactly("a.py");
    assertThat(snapshot.readText("linked/secret.py")).isEmpty();
    assertThat(snapshot.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("linked/secret.py");
              assertThat(n.message()).contains("symbolic link");
            });
  }

  static List<String> paths(RepoSnapshot snapshot) {
    return snapshot.files().stream().map(SourceFile::path).toList();
  }

  static List<String> messages(RepoSnapshot snapshot) {
    return snapshot.notes().stream().map(Evidence::message).toList();
  }
}
