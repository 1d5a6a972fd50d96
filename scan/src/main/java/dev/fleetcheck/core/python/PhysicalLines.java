package dev.fleetcheck.core.python;

import java.util.Arrays;

/**
 * The physical lines of a text, split at CRLF, CR or LF as {@code text.split("\r\n|\r|\n", -1)}
 * splits them (trailing empty lines kept), without a regular expression; a line's text is made only
 * when asked for, since the layout pass looks at few of them.
 */
public final class PhysicalLines {

  private final String text;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int count;

  private PhysicalLines(String text) {
    this.text = text;
    int length = text.length();
    int nextLf = -1;
    int nextCr = -1;
    int start = 0;
    while (true) {
      // The next LF and the next CR are each found with indexOf (a vectorised search) and kept
      // until the scan passes them; CR-free text then never looks for a CR again.
      if (nextLf < start) {
        nextLf = indexOrEnd(text, '\n', start);
      }
      if (nextCr < start) {
        nextCr = indexOrEnd(text, '\r', start);
      }
      int end = Math.min(nextLf, nextCr);
      add(start, end);
      if (end == length) {
        return;
      }
      start =
          text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
              ? end + 2
              : end + 1;
    }
  }

  private static int indexOrEnd(String text, char c, int from) {
    int at = text.indexOf(c, from);
    return at < 0 ? text.length() : at;
  }

  public static PhysicalLines of(String text) {
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

  public int count() {
    return count;
  }

  /** Where line {@code index} (0-based) starts in the text. */
  public int start(int index) {
    return starts[index];
  }

  /** Where line {@code index} (0-based) ends in the text, before its line break. */
  public int end(int index) {
    return ends[index];
  }

  /** The text of line {@code index}, 0-based, without its line break. */
  public String get(int index) {
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
