package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Locale;

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
    String path = "/" + file.path().toLowerCase(Locale.ROOT);
    return !file.isPython()
        && (path.contains("/__snapshots__/")
            || path.contains("/snapshots/")
            || path.contains("/golden/")
            || path.contains("/goldens/")
            || file.name().contains(".approved."));
  }
}
