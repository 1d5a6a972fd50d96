package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

  @TempDir Path dir;

  @Test
  void readsAFileWhoseSizeIsAsIndexedExactly() throws Exception {
    byte[] content = "print('hello')\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("app.py"), content);

    assertThat(SafeFiles.readRegular(file, 1 << 20))
        .hasValueSatisfying(
            read -> {
              assertThat(read).isEqualTo(content);
            });
    assertThat(SafeFiles.readRegular(Files.write(dir.resolve("empty.py"), new byte[0]), 10))
        .hasValueSatisfying(read -> assertThat(read).isEmpty());
  }

  @Test
  void aFileLargerThanTheLimitIsNotRead() throws Exception {
    Path file = Files.writeString(dir.resolve("big.txt"), "x".repeat(11));

    assertThat(SafeFiles.readRegular(file, 10)).isEmpty();
    assertThat(SafeFiles.readRegular(file, 11)).isPresent();
  }

  /**
   * A file with more content than its size said (it grew after the size was read) is read whole
   * while within the limit: procfs files report size 0 and have content, which exercises that path.
   */
  @Test
  void aFileLongerThanItsSizeIsReadWholeWithinTheLimitOnly() throws Exception {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "needs Linux procfs");

    byte[] read = SafeFiles.readRegular(status, 1 << 20).orElseThrow();
    String text = new String(read, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("Name:").contains("\nPid:").endsWith("\n");
    assertThat(SafeFiles.readRegular(status, 1)).isEmpty();
    assertThat(SafeFiles.readRegular(status, 100)).isEmpty();
  }
}
