package dev.fleetcheck.core.python;

import java.util.Arrays;

/**
 * The physical lines of a text, split at CRLF, CR or LF as {@code text.split("\r\n|\r|\n", -1)}
 * splits them (trailing empty lines kept), without a regular expression; a line's text is made only
 * when asked for, since the layout pass looks at few of them.
 */
final class PhysicalLines {

  private final String text;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int count;

  private PhysicalLines(String text) {
    this.text = text;
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(start, i);
        start = i + 1;
      } else if (c == '\r') {
        add(start, i);
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    add(start, n);
  }

  static PhysicalLines of(String text) {
    return new PhysicalLines(text);
  }

  /** All lines at once, as the regular expression's split gives them. */
  static String[] split(String text) {
    PhysicalLines lines = of(text);
    String[] all = new String[lines.count()];
    for (int i = 0; i < all.length; i++) {
      all[i] = lines.get(i);
    }
    return all;
  }

  int count() {
    return count;
  }

  /** The text of line {@code index}, 0-based, without its line break. */
  String get(int index) {
    return text.substring(starts[index], ends[index]);
  }

  private void add(int start, int end) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count++] = end;
  }
}
