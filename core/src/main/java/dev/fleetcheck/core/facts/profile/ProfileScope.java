package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.Set;

/**
 * Which files may decide a profile (RULES.md, "Profiles"): never test code, and never anything
 * under {@code examples/}, {@code docs/}, {@code scripts/}, {@code release/}, {@code benchmark/} or
 * {@code benchmarks/} at any depth.
 */
public final class ProfileScope {

  private static final Set<String> EXCLUDED_FOLDERS =
      Set.of("examples", "docs", "scripts", "release", "benchmark", "benchmarks");

  private ProfileScope() {}

  public static boolean decides(SourceFile file) {
    return !file.testCode() && !inExcludedFolder(file.path());
  }

  public static boolean inExcludedFolder(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (EXCLUDED_FOLDERS.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }
}
