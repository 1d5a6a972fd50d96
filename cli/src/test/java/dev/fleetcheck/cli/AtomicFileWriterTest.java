package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

  @TempDir Path dir;

  @Test
  void replacesTheFileWithTheNewContent() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old");

    AtomicFileWriter.write(file, "new content");

    assertThat(file).hasContent("new content");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousFileIntactAndNoTempFile() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "previous report");

    assertThatThrownBy(
            () ->
                AtomicFileWriter.write(
                    file,
                    out -> {
                      out.write("half of the new rep".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED))
        .hasMessageContaining("disk full");

    assertThat(file).hasContent("previous report");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFolderOrAMissingFolderIsRefusedWithOutputWriteFailed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("a-folder"));

    assertThatThrownBy(() -> AtomicFileWriter.write(folder, "x"))
        .hasMessageContaining("it is a folder");
    assertThatThrownBy(() -> AtomicFileWriter.write(dir.resolve("no/such/file.txt"), "x"))
        .isInstanceOf(FleetcheckException.class)
        .hasMessageContaining("folder does not exist");
  }

  @Test
  void replacingARegularFileKeepsItsPermissions() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    AtomicFileWriter.write(file, "new");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aNamedPipeIsWrittenThroughAndStaysAPipe() throws Exception {
    Path fifo = OutputFiles.mkfifo(dir.resolve("report.pipe"));
    CompletableFuture<String> read = OutputFiles.readInBackground(fifo);

    AtomicFileWriter.write(fifo, "through the pipe");

    assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo("through the pipe");
    assertThat(OutputFiles.isFifo(fifo)).isTrue();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aLinkToAPipeIsWrittenThroughAndStaysALink() throws Exception {
    Path fifo = OutputFiles.mkfifo(dir.resolve("real.pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("report.out"), fifo);
    CompletableFuture<String> read = OutputFiles.readInBackground(fifo);

    AtomicFileWriter.write(link, "via the link");

    assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo("via the link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aLinkToAFileOutsideIsRefusedAndNeitherTheLinkNorItsTargetChanges(@TempDir Path outside)
      throws IOException {
    Path precious = Files.writeString(outside.resolve("precious.conf"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), precious);
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), outside.resolve("nothing"));

    assertThatThrownBy(() -> AtomicFileWriter.write(link, "report"))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OUTPUT_WRITE_FAILED))
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> AtomicFileWriter.write(dangling, "report"))
        .isInstanceOf(FleetcheckException.class)
        .hasMessageContaining("symbolic link to nothing");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    assertThat(precious).hasContent("keep me");
    assertThat(outside.resolve("nothing")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aCharacterDeviceIsWrittenThroughNeverReplaced() throws IOException {
    // Attributes only: a test must never risk turning the machine's /dev/null into a file.
    assertThat(OutputTarget.of(Path.of("/dev/null")))
        .isEqualTo(new OutputTarget.WriteThrough("a character device"));
    assertThat(OutputTarget.of(dir.resolve("new.json"))).isEqualTo(new OutputTarget.Absent());
    assertThat(OutputTarget.of(dir)).isInstanceOf(OutputTarget.Refused.class);
  }

  private java.util.List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
