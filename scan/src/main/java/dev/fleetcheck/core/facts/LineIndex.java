package dev.fleetcheck.core.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line numbers of one file's text, built once so that a parser pointing many items at their lines
 * stays linear in the file: offsets map to lines by binary search, keys and quoted strings by a
 * table filled in one pass on first use (thread-safe, so facts computed in parallel can share one
 * index), and fragments are searched forward from the last one found by a {@link Cursor}, because
 * parsers visit items in file order.
 */
public final class LineIndex {

  /** How a key is written at the start of a line. */
  public enum KeyStyle {
    /** TOML or INI: {@code key = value}, the key bare or quoted. */
    ASSIGNMENT("^\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s=\"'\\[#]+))\\s*="),
    /** A YAML mapping key nested under another: {@code key:}, bare or quoted. */
    INDENTED_YAML("^\\s+(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'#].*?))\\s*:(?:\\s|$)");

    private final Pattern pattern;

    KeyStyle(String regex) {
      this.pattern = Pattern.compile(regex);
    }
  }

  private final String text;
  private final int[] lineStarts;
  private static final Pattern TABLE_HEADER = Pattern.compile("^\\s*\\[+\\s*([^\\]]*?)\\s*\\]");
  // Headers deeper than this are indexed by their first levels only; no real table nests so far.
  private static final int MAX_TABLE_DEPTH = 32;

  private final Map<KeyStyle, Map<String, List<Integer>>> keyLines = new EnumMap<>(KeyStyle.class);
  private Map<String, Integer> tableLines;
  private Map<String, Integer> headerLines;
  private Map<String, Integer> stringLines;

  private LineIndex(String text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  public static LineIndex of(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return new LineIndex(text, Arrays.copyOf(starts, count));
  }

  public String text() {
    return text;
  }

  /** The 1-based line holding {@code offset}; offsets past the end are on the last line. */
  public int lineAt(int offset) {
    int found = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** A forward search over this text, for items visited in file order. */
  public Cursor cursor() {
    return new Cursor();
  }

  /** Finds fragments from where the last one was found, so in-order lookups stay linear. */
  public final class Cursor {
    private int from;

    private Cursor() {}

    /**
     * The 1-based line of the next occurrence of {@code fragment}, searching from the last one
     * found and then from the start, or 0 when the text does not hold it.
     */
    public int lineOfNext(String fragment) {
      int at = text.indexOf(fragment, from);
      if (at < 0 && from > 0) {
        at = text.indexOf(fragment);
      }
      if (at < 0) {
        return 0;
      }
      from = at;
      return lineAt(at);
    }
  }

  /** The first line assigning TOML/INI key {@code key} (bare or quoted) at line start, or 0. */
  public int keyLine(String key) {
    return keyLineFrom(KeyStyle.ASSIGNMENT, key, 1);
  }

  /** The first line at or after {@code fromLine} holding {@code key} at line start, or 0. */
  public synchronized int keyLineFrom(KeyStyle style, String key, int fromLine) {
    Map<String, List<Integer>> keys = keyLines.computeIfAbsent(style, this::indexKeys);
    List<Integer> lines = keys.getOrDefault(key, List.of());
    int found = Collections.binarySearch(lines, fromLine);
    int at = found >= 0 ? found : -found - 1;
    return at < lines.size() ? lines.get(at) : 0;
  }

  private Map<String, List<Integer>> indexKeys(KeyStyle style) {
    Map<String, List<Integer>> keys = new HashMap<>();
    for (int i = 0; i < lineStarts.length; i++) {
      Matcher m = style.pattern.matcher(line(i + 1));
      if (m.find()) {
        String name =
            m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        keys.computeIfAbsent(name, k -> new ArrayList<>()).add(i + 1);
      }
    }
    return keys;
  }

  /** The first line of a TOML table header {@code [name]} or {@code [name.sub]}, or 0. */
  public synchronized int tableLine(String dottedName) {
    indexHeaders();
    return tableLines.getOrDefault(dottedName, 0);
  }

  /** The first line of the header {@code [name]} exactly (TOML table or INI section), or 0. */
  public synchronized int headerLine(String name) {
    indexHeaders();
    return headerLines.getOrDefault(name, 0);
  }

  /** The first line of any of the headers {@code [name]} named, or 0 when none is there. */
  public int firstHeaderLine(String... names) {
    int first = 0;
    for (String name : names) {
      int line = headerLine(name);
      if (line > 0 && (first == 0 || line < first)) {
        first = line;
      }
    }
    return first;
  }

  private void indexHeaders() {
    if (tableLines == null) {
      tableLines = new HashMap<>();
      headerLines = new HashMap<>();
      for (int i = 0; i < lineStarts.length; i++) {
        Matcher m = TABLE_HEADER.matcher(line(i + 1));
        if (m.find()) {
          String name = m.group(1);
          int dot = name.indexOf('.');
          for (int depth = 0; dot >= 0 && depth < MAX_TABLE_DEPTH; depth++) {
            tableLines.putIfAbsent(name.substring(0, dot).strip(), i + 1);
            dot = name.indexOf('.', dot + 1);
          }
          tableLines.putIfAbsent(name, i + 1);
          headerLines.putIfAbsent(name, i + 1);
        }
      }
    }
  }

  /**
   * The first line holding the one-line quoted string {@code value} exactly as written between its
   * quotes ({@code "value"} or {@code 'value'}), outside {@code #} comments, or 0.
   */
  public synchronized int stringLine(String value) {
    if (stringLines == null) {
      stringLines = QuotedStrings.firstLines(this);
    }
    return stringLines.getOrDefault(value, 0);
  }

  /** Line {@code number} (1-based) without its terminator. */
  public String line(int number) {
    int start = lineStarts[number - 1];
    int end = number < lineStarts.length ? lineStarts[number] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  public int lineCount() {
    return lineStarts.length;
  }
}
