package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;

/**
 * Product code: the files that may decide a profile (RULES.md, "Profiles"). Never test code, and
 * never anything under {@code examples/}, {@code docs/}, {@code scripts/}, {@code release/}, {@code
 * benchmark/} or {@code benchmarks/} directly at the repository root or at a config root (a uv
 * workspace member). The same folder names inside a package ({@code pkg/scripts/options.py}) are
 * product code.
 */
public final class ProfileScope {

  public static final Fact<ProfileScope> FACT =
      Fact.of("profile.scope", facts -> new ProfileScope(facts.get(ConfigRoots.FACT)));

  private static final List<String> EXCLUDED_FOLDERS =
      List.of("examples", "docs", "scripts", "release", "benchmark", "benchmarks");

  private final List<String> roots;

  /** {@code roots}: the config roots as path prefixes ("" for the repository root, "pkg/a/"). */
  public ProfileScope(List<String> roots) {
    this.roots = List.copyOf(roots);
  }

  public boolean decides(SourceFile file) {
    return !file.testCode() && !inExcludedFolder(file.path());
  }

  /** Whether {@code path} lies in one of the excluded top-level folders of some config root. */
  public boolean inExcludedFolder(String path) {
    for (String root : roots) {
      if (!path.startsWith(root)) {
        continue;
      }
      int start = root.length();
      int slash = path.indexOf('/', start);
      if (slash < 0) {
        continue;
      }
      for (String folder : EXCLUDED_FOLDERS) {
        if (folder.length() == slash - start && path.startsWith(folder, start)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What counts, for evidence that names the population a check counted. */
  public static String describe() {
    return "product code: test code and top-level "
        + String.join("/, ", EXCLUDED_FOLDERS)
        + "/ not counted";
  }
}
