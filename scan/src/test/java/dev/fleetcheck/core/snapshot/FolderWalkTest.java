package dev.fleetcheck.core.snapshot;

import static dev.fleetcheck.core.snapshot.GitIndexFileSetTest.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without git, the walk decides which files exist, with every .gitignore applied. */
class FolderWalkTest {

  @TempDir Path dir;

  @Test
  void rootGitignoreAppliesWithGitSemantics() {
    Path repo =
        FixtureRepo.in(dir)
            .file(".gitignore", "*.log\n!keep.log\n/only-root.txt\ncache/\n")
            .file("a.log", "")
            .file("keep.log", "")
            .file("only-root.txt", "")
            .file("sub/only-root.txt", "")
            .file("cache/x.py", "")
            .file("sub/cache/y.py", "")
            .file("cache.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo)))
        .containsExactly(".gitignore", "cache.py", "keep.log", "sub/only-root.txt");
  }

  @Test
  void nestedGitignoreFilesApplyBelowTheirFolderAndTheDeepestWins() {
    Path repo =
        FixtureRepo.in(dir)
            .file(".gitignore", "*.tmp\n")
            .file("top.tmp", "")
            .file("pkg/.gitignore", "generated.py\n!wanted.tmp\n")
            .file("pkg/generated.py", "")
            .file("pkg/wanted.tmp", "")
            .file("pkg/other.tmp", "")
            .file("generated.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo)))
        .containsExactly(".gitignore", "generated.py", "pkg/.gitignore", "pkg/wanted.tmp");
  }

  @Test
  void aFileInsideAnIgnoredFolderCannotBeReincluded() {
    Path repo =
        FixtureRepo.in(dir)
            .file(".gitignore", "out/\n!out/keep.py\n")
            .file("out/keep.py", "")
            .file("main.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly(".gitignore", "main.py");
  }

  @Test
  void buildAndDistAreSkippedOnlyAtTheRoot() {
    Path repo =
        FixtureRepo.in(dir)
            .file("build/lib/a.py", "")
            .file("dist/b.py", "")
            .file("src/build/c.py", "")
            .file("docs/dist/d.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly("docs/dist/d.py", "src/build/c.py");
  }

  @Test
  void vendoredAndCacheFoldersAreSkippedAnywhere() {
    Path repo =
        FixtureRepo.in(dir)
            .file("node_modules/x/index.js", "")
            .file("web/node_modules/y.js", "")
            .file("lib/python3.12/site-packages/z.py", "")
            .file("pkg/__pycache__/m.cpython-312.pyc", "")
            .file(".git/config", "")
            .file("pkg/m.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly("pkg/m.py");
  }

  @Test
  void virtualenvsAreSkippedOnlyWhenTheyHoldPyvenvCfg() {
    Path repo =
        FixtureRepo.in(dir)
            .file(".venv/pyvenv.cfg", "home = /usr/bin\n")
            .file(".venv/lib/a.py", "")
            .file("tools/venv/pyvenv.cfg", "")
            .file("tools/venv/b.py", "")
            .file("env/settings.py", "")
            .file("venv/c.py", "")
            .build();

    assertThat(paths(RepoSnapshot.of(repo))).containsExactly("env/settings.py", "venv/c.py");
  }

  @Test
  void testCodeIsMarked() {
    Path repo =
        FixtureRepo.in(dir)
            .file("tests/unit/helpers.py", "")
            .file("src/pkg/test/data.json", "")
            .file("src/test_app.py", "")
            .file("src/app_test.py", "")
            .file("src/conftest.py", "")
            .file("src/pkg/tests.py", "")
            .file("src/app.py", "")
            .file("src/testing.py", "")
            .build();

    assertThat(RepoSnapshot.of(repo).files())
        .filteredOn(SourceFile::testCode)
        .extracting(SourceFile::path)
        .containsExactly(
            "src/app_test.py",
            "src/conftest.py",
            "src/pkg/test/data.json",
            "src/pkg/tests.py",
            "src/test_app.py",
            "tests/unit/helpers.py");
  }
}
