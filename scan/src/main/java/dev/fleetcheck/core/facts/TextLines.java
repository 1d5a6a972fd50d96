package dev.fleetcheck.core.facts;

import java.util.List;
import java.util.regex.Pattern;

/** Line lookups in file text, so facts parsed from a tree can still point at a line. */
public final class TextLines {

  private TextLines() {}

  /** The lines of {@code text}, without their terminators. */
  public static List<String> of(String text) {
    return List.of(text.split("\r?\n", -1));
  }

  /** The 1-based number of the first line matching {@code pattern} (find), or 0 when none does. */
  public static int firstMatch(String text, Pattern pattern) {
    List<String> lines = of(text);
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The 1-based line holding {@code offset} of {@code text}. */
  public static int lineAt(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The first line of a TOML/INI key {@code key} (bare or quoted) assigned at line start. */
  public static int keyLine(String text, String key) {
    String quoted = Pattern.quote(key);
    return firstMatch(
        text, Pattern.compile("^\\s*(?:" + quoted + "|\"" + quoted + "\"|'" + quoted + "')\\s*="));
  }

  /** The first line of a TOML table header {@code [name]} or {@code [name.sub]}. */
  public static int tableLine(String text, String dottedName) {
    return firstMatch(
        text, Pattern.compile("^\\s*\\[+\\s*" + Pattern.quote(dottedName) + "\\s*[\\].]"));
  }
}
