package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;

/**
 * RULES-NEXT.md F23, golden files: syrupy {@code __snapshots__/}, pytest-snapshot/snapshottest
 * {@code snapshots/}, approvaltests {@code *.approved.*}, and files under {@code golden/} or {@code
 * goldens/} folders.
 */
final class GoldenFiles {

  private GoldenFiles() {}

  static List<SourceFile> in(RepoSnapshot snapshot) {
    return snapshot.files().stream().filter(GoldenFiles::golden).toList();
  }

  private static boolean golden(SourceFile file) {
    return !file.isPython() && (inGoldenFolder(file.path()) || file.name().contains(".approved."));
  }

  /**
   * Whether a folder on the path is named {@code __snapshots__}, {@code snapshots}, {@code golden}
   * or {@code goldens}, in any letter case; read in place, since every file of the snapshot is
   * asked (no ASCII letter of these names is one a non-ASCII character lower-cases to).
   */
  static boolean inGoldenFolder(String path) {
    int start = 0;
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
      int length = slash - start;
      if ((length == 13 && path.regionMatches(true, start, "__snapshots__", 0, 13))
          || (length == 9 && path.regionMatches(true, start, "snapshots", 0, 9))
          || (length == 6 && path.regionMatches(true, start, "golden", 0, 6))
          || (length == 7 && path.regionMatches(true, start, "goldens", 0, 7))) {
        return true;
      }
      start = slash + 1;
    }
    return false;
  }
}
