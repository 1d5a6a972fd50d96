package dev.fleetcheck.core.snapshot;

import static dev.fleetcheck.core.snapshot.GitIndexFileSetTest.messages;
import static dev.fleetcheck.core.snapshot.GitIndexFileSetTest.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bound of SnapshotLimits holds, and every bound hit is an explicit note. */
class SnapshotLimitsTest {

  @TempDir Path dir;

  private static final SnapshotLimits DEFAULTS = SnapshotLimits.defaults();

  private Path manyFiles(int count) {
    FixtureRepo fixture = FixtureRepo.in(dir);
    for (int i = 0; i < count; i++) {
      fixture.file(String.format("pkg%d/f%03d.py", i % 3, i), "");
    }
    return fixture.build();
  }

  @Test
  void theFileLimitStopsTheWalkWithANoteAndCutsDeterministically() {
    Path repo = manyFiles(30);

    RepoSnapshot first = RepoSnapshot.of(repo, DEFAULTS.withMaxFiles(10));
    RepoSnapshot second = RepoSnapshot.of(repo, DEFAULTS.withMaxFiles(10));

    assertThat(first.files()).hasSize(10);
    assertThat(paths(first)).isEqualTo(paths(second));
    assertThat(messages(first))
        .contains("file limit of 10 reached; the rest of the folder is not indexed");
  }

  @Test
  void theFileLimitStopsTheIndexWithANoteCountingWhatWasLeft() throws Exception {
    Path repo = manyFiles(30);
    IndexFixture.init(repo);
    IndexFixture.track(repo, paths(RepoSnapshot.of(repo)).toArray(String[]::new));

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxFiles(10));

    assertThat(snapshot.gitCheckout()).isTrue();
    assertThat(snapshot.files()).hasSize(10);
    assertThat(messages(snapshot))
        .contains("file limit of 10 reached; 20 more tracked entries were not examined");
  }

  @Test
  void noFileLimitNoteBelowTheLimit() {
    RepoSnapshot snapshot = RepoSnapshot.of(manyFiles(10), DEFAULTS.withMaxFiles(10));

    assertThat(snapshot.files()).hasSize(10);
    assertThat(messages(snapshot)).noneMatch(m -> m.contains("file limit"));
  }

  @Test
  void aFileOverTheContentLimitIsIndexedWithoutContentAndNoted() {
    Path repo = FixtureRepo.in(dir).file("big.txt", "x".repeat(101)).file("small.txt", "y").build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxContentBytes(100));

    SourceFile big = snapshot.file("big.txt").orElseThrow();
    assertThat(big.size()).isEqualTo(101);
    assertThat(big.contentReadable()).isFalse();
    assertThat(snapshot.readText("big.txt")).isEmpty();
    assertThat(snapshot.readBytes("big.txt")).isEmpty();
    assertThat(snapshot.readText("small.txt")).contains("y");
    assertThat(snapshot.notes())
        .contains(
            Evidence.file(
                "big.txt",
                "larger than the content limit of 100 bytes (101 bytes);"
                    + " indexed without reading its content"));
  }

  @Test
  void theContentBudgetCutsInPathOrderWithNotes() {
    Path repo =
        FixtureRepo.in(dir)
            .file("a.txt", "x".repeat(40))
            .file("b.txt", "x".repeat(40))
            .file("c.txt", "x".repeat(40))
            .file("d.txt", "x")
            .build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxTotalContentBytes(100));

    assertThat(snapshot.files())
        .extracting(SourceFile::contentReadable)
        .containsExactly(true, true, false, false);
    assertThat(snapshot.readText("c.txt")).isEmpty();
    assertThat(messages(snapshot))
        .contains(
            "content budget of 100 bytes reached at c.txt; 2 files from there on (in path order)"
                + " are indexed without content");
  }

  @Test
  void pathsOverTheLengthLimitAreSkippedWithANote() {
    String longName = "n".repeat(60) + ".py";
    Path repo = FixtureRepo.in(dir).file("short.py", "").file("pkg/" + longName, "").build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxPathLength(50));

    assertThat(paths(snapshot)).containsExactly("short.py");
    assertThat(messages(snapshot)).contains("path longer than 50 characters; skipped");
  }

  @Test
  void foldersDeeperThanTheDepthLimitAreNotEnteredInAWalk() {
    Path repo = FixtureRepo.in(dir).file("a/b/ok.py", "").file("a/b/c/too-deep.py", "").build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxDepth(2));

    assertThat(paths(snapshot)).containsExactly("a/b/ok.py");
    assertThat(snapshot.notes())
        .contains(Evidence.file("a/b/c", "folder nested deeper than 2 levels; not entered"));
  }

  @Test
  void trackedFilesDeeperThanTheDepthLimitAreSkipped() throws Exception {
    Path repo = FixtureRepo.in(dir).file("a/b/ok.py", "").file("a/b/c/too-deep.py", "").build();
    IndexFixture.init(repo);
    IndexFixture.track(repo, "a/b/c/too-deep.py", "a/b/ok.py");

    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxDepth(2));

    assertThat(paths(snapshot)).containsExactly("a/b/ok.py");
    assertThat(snapshot.notes())
        .contains(Evidence.file("a/b/c/too-deep.py", "nested deeper than 2 folders; skipped"));
  }

  @Test
  void aNulInTheFirst8KbMakesAFileBinary() {
    byte[] early = "text\0more".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] late = new byte[9000];
    Arrays.fill(late, (byte) 'a');
    late[8500] = 0;
    Path repo =
        FixtureRepo.in(dir)
            .bytes("early.bin", early)
            .bytes("late.txt", late)
            .file("empty.py", "")
            .file("plain.py", "x = 1\n")
            .build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.files())
        .filteredOn(SourceFile::binary)
        .extracting(SourceFile::path)
        .containsExactly("early.bin");
    assertThat(snapshot.readText("early.bin")).isEmpty();
    assertThat(snapshot.readBytes("early.bin"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(early));
    assertThat(snapshot.readText("plain.py")).contains("x = 1\n");
    assertThat(snapshot.readText("empty.py")).contains("");
  }

  @Test
  void malformedUtf8ContentIsReadWithReplacements() {
    Path repo = FixtureRepo.in(dir).bytes("latin1.py", new byte[] {'a', (byte) 0xe9, 'b'}).build();

    assertThat(RepoSnapshot.of(repo).readText("latin1.py")).contains("a\uFFFDb");
  }

  @Test
  void aFileThatGrewPastTheLimitAfterIndexingIsNotRead() throws Exception {
    Path repo = FixtureRepo.in(dir).file("grows.txt", "small").build();
    RepoSnapshot snapshot = RepoSnapshot.of(repo, DEFAULTS.withMaxContentBytes(10));
    java.nio.file.Files.writeString(repo.resolve("grows.txt"), "much larger than ten bytes");

    assertThat(snapshot.readText("grows.txt")).isEmpty();
  }

  @Test
  void readingAPathThatIsNotIndexedGivesNothing() {
    Path repo = FixtureRepo.in(dir).file("node_modules/x.js", "secret").build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.readText("node_modules/x.js")).isEmpty();
    assertThat(snapshot.readBytes("../etc/passwd")).isEmpty();
  }

  @Test
  void aMissingRootGivesAnEmptySnapshotWithANote() {
    RepoSnapshot snapshot = RepoSnapshot.of(dir.resolve("nothing-here"));

    assertThat(snapshot.files()).isEmpty();
    assertThat(messages(snapshot)).anyMatch(m -> m.contains("repository root"));
  }
}
