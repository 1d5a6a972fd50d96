package dev.fleetcheck.core.facts.precommit;

import java.util.Locale;
import java.util.regex.Pattern;

/** One hook of .pre-commit-config.yaml: its id, entry (empty unless set), repo URL and line. */
public record Hook(String id, String entry, String repo, int line) {

  /**
   * Whether the hook is for {@code tool} (RULES.md, "Pre-commit hooks"): the id contains the tool's
   * name ({@code local-ruff-format} is a ruff-format hook), or the entry runs it (a dash in the
   * tool name also matches a space, so {@code ruff format} in an entry is a ruff-format hook).
   */
  public boolean isFor(String tool) {
    String wanted = tool.toLowerCase(Locale.ROOT);
    if (id.toLowerCase(Locale.ROOT).contains(wanted)) {
      return true;
    }
    return entryRuns(wanted);
  }

  /** Whether the entry invokes {@code tool} ("ruff-format" matches "uv run ruff format"). */
  public boolean entryRuns(String tool) {
    if (entry.isBlank()) {
      return false;
    }
    String[] words = tool.toLowerCase(Locale.ROOT).split("-");
    StringBuilder regex = new StringBuilder("(?<![\\w-])");
    for (int i = 0; i < words.length; i++) {
      regex.append(i == 0 ? "" : "[\\s-]+").append(Pattern.quote(words[i]));
    }
    regex.append("(?![\\w-])");
    return Pattern.compile(regex.toString()).matcher(entry.toLowerCase(Locale.ROOT)).find();
  }
}
