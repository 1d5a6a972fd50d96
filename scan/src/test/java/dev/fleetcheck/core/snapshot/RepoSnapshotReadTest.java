package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads through the snapshot: a file read again is served from memory (seen here by changing the
 * file on disk between reads), within the budget, and decoding replaces malformed bytes exactly as
 * a replacing decoder does.
 */
class RepoSnapshotReadTest {

  @TempDir Path dir;

  private RepoSnapshot snapshotOf(String path, String content) {
    return RepoSnapshot.of(FixtureRepo.in(dir).file(path, content).build());
  }

  @Test
  void aConfigurationFileReadTwiceIsKeptFromTheSecondRead() throws Exception {
    RepoSnapshot snapshot = snapshotOf("pyproject.toml", "[project]\n");

    snapshot.readText("pyproject.toml");
    Files.writeString(dir.resolve("pyproject.toml"), "changed once\n");
    assertThat(snapshot.readText("pyproject.toml")).contains("changed once\n");
    Files.writeString(dir.resolve("pyproject.toml"), "changed twice\n");

    assertThat(snapshot.readText("pyproject.toml")).contains("changed once\n");
    assertThat(snapshot.keptBytes()).isEqualTo("changed once\n".length());
  }

  @Test
  void documentationTextIsKeptFromItsFirstReadEvenInTheSecretPass() throws Exception {
    RepoSnapshot snapshot =
        RepoSnapshot.of(
            FixtureRepo.in(dir)
                .file("docs/usage.md", "first\n")
                .file("README.rst", "first\n")
                .file("notes/usage.md", "first\n")
                .build());

    snapshot.readTextInPass("docs/usage.md");
    snapshot.readText("README.rst");
    snapshot.readTextInPass("notes/usage.md");
    for (String path : new String[] {"docs/usage.md", "README.rst", "notes/usage.md"}) {
      Files.writeString(dir.resolve(path), "second\n");
    }

    assertThat(snapshot.readText("docs/usage.md")).contains("first\n");
    assertThat(snapshot.readText("README.rst")).contains("first\n");
    assertThat(snapshot.readText("notes/usage.md")).contains("second\n");
    assertThat(snapshot.keptBytes()).isZero();
  }

  @Test
  void aPythonSourceIsKeptFromItsFirstRead() throws Exception {
    RepoSnapshot snapshot = snapshotOf("src/app.py", "import os\n");

    snapshot.readText("src/app.py");
    Files.writeString(dir.resolve("src/app.py"), "import sys\n");

    assertThat(snapshot.readText("src/app.py")).contains("import os\n");
  }

  @Test
  void aReadInAPassOverEveryFileDoesNotCountTowardKeepingIt() throws Exception {
    RepoSnapshot snapshot = snapshotOf("setup.cfg", "first\n");

    snapshot.readTextInPass("setup.cfg");
    snapshot.readText("setup.cfg");
    Files.writeString(dir.resolve("setup.cfg"), "second\n");

    assertThat(snapshot.readTextInPass("setup.cfg")).contains("second\n");
    assertThat(snapshot.keptBytes()).isZero();
  }

  @Test
  void aPassOverEveryFileUsesTheKeptCopy() throws Exception {
    RepoSnapshot snapshot = snapshotOf("README.md", "first\n");

    snapshot.readText("README.md");
    snapshot.readText("README.md");
    Files.writeString(dir.resolve("README.md"), "second\n");

    assertThat(snapshot.readTextInPass("README.md")).contains("first\n");
  }

  @Test
  void bytesHandedOutAreTheCallersOwnCopy() {
    RepoSnapshot snapshot = snapshotOf("src/app.py", "x = 1\n");

    byte[] first = snapshot.readBytes("src/app.py").orElseThrow();
    first[0] = 'y';

    assertThat(snapshot.readBytes("src/app.py"))
        .hasValueSatisfying(b -> assertThat(b[0]).isEqualTo((byte) 'x'));
    assertThat(snapshot.readText("src/app.py")).contains("x = 1\n");
  }

  @Test
  void aFileThatGrewPastTheContentLimitSinceIndexingIsNotRead() throws Exception {
    RepoSnapshot snapshot =
        RepoSnapshot.of(
            FixtureRepo.in(dir).file("notes.txt", "short\n").build(),
            SnapshotLimits.defaults().withMaxContentBytes(10));
    Files.writeString(dir.resolve("notes.txt"), "much longer than ten bytes\n");

    assertThat(snapshot.readText("notes.txt")).isEmpty();
  }

  @Test
  void aFileThatGrewWithinTheContentLimitIsReadWhole() throws Exception {
    RepoSnapshot snapshot = snapshotOf("notes.txt", "short\n");
    Files.writeString(dir.resolve("notes.txt"), "longer than it was\n");

    assertThat(snapshot.readText("notes.txt")).contains("longer than it was\n");
  }

  @Test
  void aFileThatShrankIsReadAsItIsNow() throws Exception {
    RepoSnapshot snapshot = snapshotOf("notes.txt", "a longer first version\n");
    Files.writeString(dir.resolve("notes.txt"), "short\n");

    assertThat(snapshot.readText("notes.txt")).contains("short\n");
  }

  @Property
  void decodingReplacesMalformedBytesAsAReplacingDecoderDoes(@ForAll @Size(max = 64) byte[] bytes)
      throws Exception {
    String expected =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(bytes))
            .toString();

    assertThat(RepoSnapshot.decodeUtf8Leniently(bytes)).isEqualTo(expected);
  }
}
