package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.facts.FolderSegments;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;

/**
 * Which files may decide a profile (RULES.md, "Profiles"): never test code, and never anything
 * under {@code examples/}, {@code docs/}, {@code scripts/}, {@code release/}, {@code benchmark/} or
 * {@code benchmarks/} at any depth.
 */
public final class ProfileScope {

  private static final List<String> EXCLUDED_FOLDERS =
      List.of("examples", "docs", "scripts", "release", "benchmark", "benchmarks");

  private ProfileScope() {}

  public static boolean decides(SourceFile file) {
    return !file.testCode() && !inExcludedFolder(file.path());
  }

  public static boolean inExcludedFolder(String path) {
    return FolderSegments.anyIn(path, EXCLUDED_FOLDERS);
  }
}
