package dev.fleetcheck.vcs.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedGitConfigTest {

  @TempDir Path folder;

  @Test
  void jgitTakesTheDeclaredTimestampFiguresAndWritesNoProbeFile() throws Exception {
    // A fresh JVM: JGit caches one measurement per file system for the life of a process.
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FirstJGitUse.class.getName(),
                folder.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out)
        .as("a measurement would have found micro- or nanoseconds")
        .endsWith("resolution=" + FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toNanos());
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left).isEmpty();
    }
  }

  /** The first JGit file-system question a process asks, with measuring in the foreground. */
  static final class FirstJGitUse {
    public static void main(String[] args) {
      IsolatedGitConfig.install();
      Path folder = Path.of(args[0]);
      IsolatedGitConfig.declareFileStore(folder);
      // In the foreground an undeclared file system is measured right here, probe files and all.
      FS.FileStoreAttributes.setBackground(false);
      Duration resolution = FS.FileStoreAttributes.get(folder).getFsTimestampResolution();
      System.out.println("resolution=" + resolution.toNanos());
      if (!new File(args[0]).isDirectory()) {
        System.exit(3);
      }
    }
  }
}
