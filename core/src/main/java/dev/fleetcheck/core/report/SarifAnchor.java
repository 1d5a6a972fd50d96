package dev.fleetcheck.core.report;

import java.util.Collection;
import java.util.List;

/**
 * Chooses the file that repository-wide SARIF findings point at. GitHub code scanning rejects a
 * result without a location, and a finding such as "no lock file" has no file of its own, so it is
 * shown on the project's main manifest.
 */
public final class SarifAnchor {

  /** Used when nothing better is known; GitHub accepts a location on a file that is absent. */
  public static final String DEFAULT = "pyproject.toml";

  private static final List<String> MANIFESTS =
      List.of("pyproject.toml", "setup.cfg", "setup.py", "requirements.txt", "README.md");

  private SarifAnchor() {}

  /**
   * The first project manifest present, else the first Python file, else {@link #DEFAULT}.
   *
   * @param paths the repository's file paths, relative and '/'-separated, in the scan's order
   */
  public static String choose(Collection<String> paths) {
    for (String manifest : MANIFESTS) {
      if (paths.contains(manifest)) {
        return manifest;
      }
    }
    return paths.stream().filter(path -> path.endsWith(".py")).findFirst().orElse(DEFAULT);
  }
}
