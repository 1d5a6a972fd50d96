package dev.fleetcheck.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: the first folder upwards from the test's working folder with a template. */
final class RepoRoot {

  private RepoRoot() {}

  static Path path() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))
          && Files.isDirectory(dir.resolve("infra"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
  }

  static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
