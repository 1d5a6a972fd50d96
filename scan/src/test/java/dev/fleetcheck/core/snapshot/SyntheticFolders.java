package dev.fleetcheck.core.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Many empty files, spread over folders of a thousand so no single folder is huge. */
final class SyntheticFolders {

  private SyntheticFolders() {}

  static void emptyFiles(Path root, int count) {
    try {
      for (int i = 0; i < count; i++) {
        Path folder = root.resolve("d" + (i / 1000));
        if (i % 1000 == 0) {
          Files.createDirectories(folder);
        }
        Files.createFile(folder.resolve("f" + i + ".txt"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
