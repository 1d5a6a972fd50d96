package dev.fleetcheck.core.facts.ci;

/**
 * Finds the line a parsed YAML value came from. The tree the parser returns has no positions, so a
 * value is found by its first line of text, searching forward from the previous match because
 * values are visited in file order; a value written differently in the file (folded, escaped) falls
 * back to its first words, then to no line at all.
 */
final class LineLocator {

  private static final int SHORT_PREFIX = 24;

  private final String[] lines;
  private int cursor;

  LineLocator(String text) {
    this.lines = text.split("\r?\n", -1);
  }

  /** The 1-based line holding {@code value}'s first line, or 0 when it cannot be found. */
  int locate(String value) {
    String first = firstNonBlankLine(value);
    if (first.isEmpty()) {
      return 0;
    }
    int found = search(first);
    if (found == 0 && first.length() > SHORT_PREFIX) {
      found = search(first.substring(0, SHORT_PREFIX));
    }
    return found;
  }

  private int search(String needle) {
    for (int i = cursor; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        cursor = i;
        return i + 1;
      }
    }
    for (int i = 0; i < Math.min(cursor, lines.length); i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String firstNonBlankLine(String value) {
    for (String line : value.split("\r?\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }
}
