package dev.fleetcheck.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One file's text as the detectors see it: the text, a lower-case copy made at most once for the
 * case-insensitive name searches, the file's extension, and line lookups by offset.
 */
public final class ScanText {

  /** How far line lookups look either way; longer lines are seen through this window. */
  static final int LINE_WINDOW = 4096;

  private final String path;
  private final String text;
  private String lower;
  private int[] lineStarts;

  public ScanText(String path, String text) {
    this.path = path;
    this.text = text;
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  public char charAt(int index) {
    return text.charAt(index);
  }

  /** The text with ASCII letters in lower case, same length and offsets as {@link #text()}. */
  String lower() {
    if (lower == null) {
      lower = asciiLower(text);
    }
    return lower;
  }

  /** The file name's extension in lower case without the dot, empty when there is none. */
  String extension() {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Where the line holding {@code offset} starts, looking back at most {@link #LINE_WINDOW}
   * characters: on a longer line (minified code) the window's start is returned instead, so a file
   * that is one huge line never costs a full scan per hit.
   */
  int lineStart(int offset) {
    int floor = Math.max(0, offset - LINE_WINDOW);
    for (int i = offset - 1; i >= floor; i--) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return floor;
  }

  /** Where the line holding {@code offset} ends, looking ahead at most {@link #LINE_WINDOW}. */
  int lineEnd(int offset) {
    int ceiling = Math.min(text.length(), offset + LINE_WINDOW);
    for (int i = offset; i < ceiling; i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return ceiling;
  }

  /** The 1-based line holding {@code offset}. */
  int lineNumber(int offset) {
    if (lineStarts == null) {
      lineStarts = indexLines(text);
    }
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static int[] indexLines(String text) {
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts[line++] = i + 1;
    }
    return starts;
  }

  /**
   * Folds ASCII letters only, through one byte per character (ISO-8859-1 writes {@code ?} for the
   * rest), so offsets stay aligned with the text and the copy stays compact: the names searched for
   * are ASCII, and this is several times faster than {@link String#toLowerCase}.
   */
  private static String asciiLower(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b >= 'A' && b <= 'Z') {
        bytes[i] = (byte) (b | 0x20);
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
