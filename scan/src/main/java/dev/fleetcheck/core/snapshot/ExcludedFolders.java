package dev.fleetcheck.core.snapshot;

import java.util.Set;

/**
 * Folders whose files never count (RULES.md, "Which files exist"): {@code .git}, {@code
 * node_modules}, {@code site-packages} and {@code __pycache__} anywhere; {@code build} and {@code
 * dist} only at the repository root; a virtualenv only when it holds {@code pyvenv.cfg}.
 */
final class ExcludedFolders {

  static final String VIRTUALENV_MARKER = "pyvenv.cfg";

  private static final Set<String> ANYWHERE =
      Set.of(".git", "node_modules", "site-packages", "__pycache__");
  private static final Set<String> AT_ROOT = Set.of("build", "dist");

  private ExcludedFolders() {}

  /** Whether a folder is excluded by its name alone ({@code atRoot}: its parent is the root). */
  static boolean excludedByName(String folderName, boolean atRoot) {
    return ANYWHERE.contains(folderName) || (atRoot && AT_ROOT.contains(folderName));
  }
}
