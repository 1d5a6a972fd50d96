package dev.fleetcheck.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

  @TempDir Path folder;

  @Test
  void writesTheReportUnderTheRootAndLeavesNoTemporaryFile() throws IOException {
    ReportFolder reports = new ReportFolder(folder.resolve("reports"));

    reports.put("scans/s-1/r.json", "{}".getBytes(StandardCharsets.UTF_8));
    reports.put("scans/s-1/r.json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8));

    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).containsExactly(folder.resolve("reports/scans/s-1/r.json"));
    assertThat(Files.readString(files.get(0))).isEqualTo("{\"v\":2}");
  }
}
