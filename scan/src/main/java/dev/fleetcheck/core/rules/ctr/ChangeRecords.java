package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a repository keeps its change record (RULES-NEXT family F14): a {@code CHANGELOG*}, {@code
 * CHANGES*}, {@code HISTORY*}, {@code NEWS*} or {@code RELEASE*NOTES*} file at the root or under
 * {@code docs/}; a {@code changelog.d/}, {@code newsfragments/} or {@code changes/} folder; or the
 * configuration of towncrier, commitizen, release-please, semantic-release or git-cliff. Empty when
 * there is none.
 */
final class ChangeRecords {

  static final Fact<Optional<String>> FACT = Fact.of("ctr.change-record", ChangeRecords::find);

  private static final Pattern RECORD_FILE =
      Pattern.compile("(?:changelog|changes|history|news|release[-_ ]?notes?)(?:\\.[a-z]+)?");
  private static final Pattern RECORD_FOLDER =
      Pattern.compile("(?:^|/)(?:changelog\\.d|newsfragments|changes|changelog)/");
  private static final List<String> TOOL_FILES =
      List.of(
          "towncrier.toml",
          ".cz.toml",
          ".cz.json",
          "cz.json",
          ".cz.yaml",
          "release-please-config.json",
          ".release-please-manifest.json",
          ".releaserc",
          ".releaserc.json",
          ".releaserc.yaml",
          ".releaserc.yml",
          "release.config.js",
          "cliff.toml");
  private static final Pattern TOOL_TABLES =
      Pattern.compile(
          "^\\[tool\\.(?:towncrier|commitizen|semantic_release|git-cliff)\\b", Pattern.MULTILINE);
  private static final Pattern RELEASE_ACTIONS =
      Pattern.compile("release-please-action|python-semantic-release|semantic-release|git-cliff");

  private ChangeRecords() {}

  private static Optional<String> find(Facts facts) {
    for (String path : facts.snapshot().paths()) {
      String lower = path.toLowerCase(Locale.ROOT);
      String name = lower.substring(lower.lastIndexOf('/') + 1);
      boolean rootOrDocs =
          !lower.contains("/") || (lower.startsWith("docs/") && lower.indexOf('/', 5) < 0);
      if (rootOrDocs && RECORD_FILE.matcher(name).matches()) {
        return Optional.of(path);
      }
      if (mayNameRecordFolder(lower) && RECORD_FOLDER.matcher(lower).find() && depth(lower) <= 3) {
        return Optional.of(path.substring(0, path.lastIndexOf('/') + 1));
      }
      if (!lower.contains("/") && TOOL_FILES.contains(name)) {
        return Optional.of(path);
      }
      if (lower.startsWith(".github/workflows/")
          && facts
              .snapshot()
              .readText(path)
              .map(t -> RELEASE_ACTIONS.matcher(t).find())
              .orElse(false)) {
        return Optional.of(path);
      }
    }
    if (facts
        .snapshot()
        .readText("pyproject.toml")
        .map(t -> TOOL_TABLES.matcher(t).find())
        .orElse(false)) {
      return Optional.of("pyproject.toml");
    }
    return Optional.empty();
  }

  /**
   * Whether {@link #RECORD_FOLDER} can match: each of its folders holds "change" or is
   * "newsfragments/". Two substring searches cost less than the expression on every path.
   */
  private static boolean mayNameRecordFolder(String lowerPath) {
    return lowerPath.contains("change") || lowerPath.contains("newsfragments/");
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  /** The FAIL message shared by the CLI and API rules. */
  static String missing() {
    return "no change record: no CHANGELOG/CHANGES/HISTORY/NEWS/RELEASE NOTES file at the root or"
        + " in docs/, no changelog.d/newsfragments/changes folder, no towncrier, commitizen,"
        + " release-please, semantic-release or git-cliff configuration";
  }
}
