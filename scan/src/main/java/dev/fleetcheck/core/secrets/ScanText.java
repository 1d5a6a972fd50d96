package dev.fleetcheck.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One file's text as the detectors see it: the text, a lower-case copy made at most once for the
 * case-insensitive name searches (kept as bytes until a search needs it as a string), the file's
 * extension, and line lookups by offset.
 */
public final class ScanText {

  /** How far line lookups look either way; longer lines are seen through this window. */
  static final int LINE_WINDOW = 4096;

  private final String path;
  private final String text;
  private final AnchorTable anchors;
  private byte[] folded;
  private String lower;
  private int[] lineStarts;
  private int[][] anchorPositions;

  /** The line of the last lookup: detectors look up several offsets on one line in a row. */
  private int lastLine;

  public ScanText(String path, String text) {
    this(path, text, AnchorTable.NONE);
  }

  /** The text, whose {@code anchors} are found in one pass when a detector first asks. */
  ScanText(String path, String text, AnchorTable anchors) {
    this.path = path;
    this.text = text;
    this.anchors = anchors;
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

  /**
   * The text with ASCII letters in lower case, same length and offsets as {@link #text()}. Made
   * only when asked: the scan's own detectors find their folded anchors in the table, and only the
   * redactor's searches need the string.
   */
  String lower() {
    if (lower == null) {
      if (folded == null) {
        foldAndIndex();
      }
      lower = new String(folded, StandardCharsets.ISO_8859_1);
    }
    return lower;
  }

  /** As {@code text().indexOf(anchor, from)}; one pass finds every anchor of the table. */
  int find(String anchor, int from) {
    int id = anchors.exactId(anchor);
    if (id < 0) {
      return text.indexOf(anchor, from);
    }
    return AnchorTable.next(anchorPositions()[id], from);
  }

  /** As {@code lower().indexOf(anchor, from)} for a lower-case anchor. */
  int findFolded(String anchor, int from) {
    int id = anchors.foldedId(anchor);
    if (id < 0) {
      return lower().indexOf(anchor, from);
    }
    return AnchorTable.next(anchorPositions()[id], from);
  }

  /** Where each anchor of the table starts, found with the lower-case copy. */
  private int[][] anchorPositions() {
    if (anchorPositions == null) {
      foldAndIndex();
    }
    return anchorPositions;
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
    int start = lineStarts()[lineIndex(offset)];
    return Math.max(start, Math.max(0, offset - LINE_WINDOW));
  }

  /** Where the line holding {@code offset} ends, looking ahead at most {@link #LINE_WINDOW}. */
  int lineEnd(int offset) {
    int[] starts = lineStarts();
    int next = lineIndex(offset) + 1;
    int ceiling = Math.min(text.length(), offset + LINE_WINDOW);
    return next < starts.length ? Math.min(starts[next] - 1, ceiling) : ceiling;
  }

  /** The 1-based line holding {@code offset}. */
  int lineNumber(int offset) {
    return lineIndex(offset) + 1;
  }

  /** The 0-based line holding {@code offset}: the last line starting at or before it. */
  private int lineIndex(int offset) {
    int[] starts = lineStarts();
    int last = lastLine;
    if (starts[last] <= offset && (last + 1 == starts.length || offset < starts[last + 1])) {
      return last;
    }
    int found = Arrays.binarySearch(starts, offset);
    lastLine = found >= 0 ? found : -found - 2;
    return lastLine;
  }

  /** Where each line starts, found once per file. */
  private int[] lineStarts() {
    if (lineStarts == null) {
      foldAndIndex();
    }
    return lineStarts;
  }

  /**
   * Folds ASCII letters only, through one byte per character (ISO-8859-1 writes {@code ?} for the
   * rest), so offsets stay aligned with the text and the copy stays compact: the names searched for
   * are ASCII, and this is several times faster than {@link String#toLowerCase}. The same pass
   * notes where lines start ({@code \n} survives the encoding), after the anchors are found in the
   * bytes as they were.
   */
  private void foldAndIndex() {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != text.length()) {
      bytes = oneBytePerChar(text);
    }
    anchorPositions = anchors.positions(bytes);
    int[] starts = new int[Math.max(16, bytes.length / 32)];
    int lines = 1;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b >= 'A' && b <= 'Z') {
        bytes[i] = (byte) (b | 0x20);
      } else if (b == '\n') {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
    folded = bytes;
    lineStarts = Arrays.copyOf(starts, lines);
  }

  /**
   * The encoder writes one {@code ?} for a whole surrogate pair, which would shift every later
   * offset; this writes one byte per {@code char}.
   */
  private static byte[] oneBytePerChar(String text) {
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = text.charAt(i);
      bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
    }
    return bytes;
  }
}
