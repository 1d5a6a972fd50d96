package dev.fleetcheck.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@code pyproject.toml} with many dependencies, padded with comments to just under a size cap:
 * the hostile-but-valid file whose line numbers must be found in linear time. Dependency {@code i}
 * ({@code pkg-00000i}) sits on line {@link #lineOf(int)}; poetry dev dependencies of the same count
 * follow in their own table, one key per line.
 */
public final class LargePyproject {

  /** Lines before the first dependency: {@code [project]}, {@code name}, {@code dependencies}. */
  private static final int HEADER_LINES = 3;

  private LargePyproject() {}

  public static String text(int dependencies, long maxBytes) {
    StringBuilder toml = new StringBuilder("[project]\nname = \"large\"\ndependencies = [\n");
    for (int i = 0; i < dependencies; i++) {
      toml.append("  \"").append(name(i)).append(">=1.0\",\n");
    }
    toml.append("]\n[tool.poetry.dev-dependencies]\n");
    for (int i = 0; i < dependencies; i++) {
      toml.append(devName(i)).append(" = \"*\"\n");
    }
    String padding = "# padding to reach the size cap of one file\n";
    while (toml.length() + padding.length() < maxBytes) {
      toml.append(padding);
    }
    return toml.toString();
  }

  /** Writes {@code pyproject.toml} into {@code folder} and returns its path. */
  public static Path write(Path folder, int dependencies, long maxBytes) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(
        folder.resolve("pyproject.toml"), text(dependencies, maxBytes), StandardCharsets.UTF_8);
  }

  public static String name(int i) {
    return String.format(Locale.ROOT, "pkg-%06d", i);
  }

  public static String devName(int i) {
    return String.format(Locale.ROOT, "dev-%06d", i);
  }

  /** The 1-based line of dependency {@code i}. */
  public static int lineOf(int i) {
    return HEADER_LINES + 1 + i;
  }

  /** The 1-based line of poetry dev dependency {@code i} of a file with {@code count} of each. */
  public static int devLineOf(int count, int i) {
    return HEADER_LINES + count + 2 + 1 + i;
  }
}
