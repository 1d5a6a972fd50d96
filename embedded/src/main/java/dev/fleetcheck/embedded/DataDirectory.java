package dev.fleetcheck.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the embedded default keeps its SQLite file and reports: {@code ~/.fleetcheck} unless set.
 */
public final class DataDirectory {

  private DataDirectory() {}

  public static Path defaultPath() {
    return Path.of(System.getProperty("user.home"), ".fleetcheck");
  }

  /** The directory the caller chose, or the default. */
  public static Path resolve(Optional<Path> chosen) {
    return chosen.orElseGet(DataDirectory::defaultPath).toAbsolutePath().normalize();
  }
}
