package dev.fleetcheck.core.facts;

import java.util.HashMap;
import java.util.Map;

/**
 * One pass over TOML-like text that records where each one-line quoted string first appears, as
 * written between its quotes. Comments ({@code #} outside a string) and triple-quoted strings are
 * skipped; a quote left open runs to the end of its line.
 */
final class QuotedStrings {

  private QuotedStrings() {}

  static Map<String, Integer> firstLines(LineIndex index) {
    String text = index.text();
    Map<String, Integer> lines = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        i = endOfLine(text, i);
      } else if (c == '"' || c == '\'') {
        String triple = String.valueOf(c).repeat(3);
        if (text.startsWith(triple, i)) {
          int close = text.indexOf(triple, i + 3);
          i = close < 0 ? text.length() : close + 3;
          continue;
        }
        int close = closingQuote(text, i + 1, c);
        if (close < 0) {
          i = endOfLine(text, i);
          continue;
        }
        lines.putIfAbsent(text.substring(i + 1, close), index.lineAt(i));
        i = close + 1;
      } else {
        i++;
      }
    }
    return lines;
  }

  /** The offset of the quote closing a string opened before {@code from}, on the same line. */
  private static int closingQuote(String text, int from, char quote) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return -1;
      }
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int endOfLine(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline;
  }
}
