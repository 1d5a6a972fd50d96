package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private java.util.List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
