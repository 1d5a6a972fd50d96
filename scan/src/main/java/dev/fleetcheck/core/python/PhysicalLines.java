package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into its physical lines at CRLF, CR or LF, as {@code text.split("\r\n|\r|\n", -1)}
 * does (trailing empty lines kept), without the cost of a regular expression.
 */
final class PhysicalLines {

  private PhysicalLines() {}

  static String[] split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines.add(text.substring(start, i));
        start = i + 1;
      } else if (c == '\r') {
        lines.add(text.substring(start, i));
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines.toArray(new String[0]);
  }
}
