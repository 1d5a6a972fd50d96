package dev.fleetcheck.core.facts.python;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python module imports and whether it has a {@code __main__} guard, read line by line:
 * {@code import x} and {@code from x import y} at the start of a line (after indentation), outside
 * triple-quoted strings. This is the only place that reads imports, so a real tokenizer can replace
 * the line scan without touching callers.
 */
public final class ImportScan {

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(.+)$");
  private static final Pattern FROM_IMPORT =
      Pattern.compile("^from\\s+([A-Za-z_][A-Za-z0-9_]*)[A-Za-z0-9_.]*\\s+import\\b");
  private static final Pattern MODULE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern MAIN_GUARD =
      Pattern.compile(
          "^if\\s+(?:__name__\\s*==\\s*[\"']__main__[\"']|[\"']__main__[\"']\\s*==\\s*__name__)\\s*:");

  private ImportScan() {}

  /** Top-level module names imported, each with the 1-based line of its first import. */
  public static Map<String, Integer> imports(String source) {
    return summarise(source, null, "").imports();
  }

  /** The 1-based line of an {@code if __name__ == "__main__":} block, or 0 when there is none. */
  public static int mainGuardLine(String source) {
    return summarise(source, null, "").mainGuardLine();
  }

  /**
   * The 1-based line of the first code line (outside triple-quoted strings) {@code pattern} finds.
   */
  public static int firstCodeLine(String source, Pattern pattern) {
    return summarise(source, pattern, "").firstMatchLine();
  }

  /**
   * Imports, {@code __main__} guard and the first code line {@code pattern} finds (0 when it finds
   * none, or when {@code pattern} is null), in one pass over the lines. Every match of {@code
   * pattern} must contain {@code literal}: lines without it are not searched.
   */
  static Summary summarise(String source, Pattern pattern, String literal) {
    Summary summary = new Summary(pattern, pattern != null && source.contains(literal), literal);
    int length = source.length();
    char openQuote = 0;
    int number = 0;
    int start = 0;
    while (start <= length) {
      int newline = source.indexOf('\n', start);
      int end = newline < 0 ? length : newline;
      int lineEnd = end > start && source.charAt(end - 1) == '\r' ? end - 1 : end;
      number++;
      if (openQuote == 0) {
        summary.visit(source, start, lineEnd, number);
      }
      openQuote = quoteStateAfter(source, start, lineEnd, openQuote);
      start = end + 1;
    }
    return summary;
  }

  /** What one pass over a module's code lines found. */
  static final class Summary {

    private final boolean searchPattern;
    private final String literal;
    private final Map<String, Integer> imports = new LinkedHashMap<>();
    // One matcher of each kind per module, reset for each line: most lines need one.
    private final Matcher from = FROM_IMPORT.matcher("");
    private final Matcher plain = IMPORT.matcher("");
    private final Matcher mainGuard = MAIN_GUARD.matcher("");
    private final Matcher wanted;
    private int mainGuardLine;
    private int firstMatchLine;

    private Summary(Pattern pattern, boolean searchPattern, String literal) {
      this.searchPattern = searchPattern;
      this.literal = literal;
      this.wanted = pattern == null ? null : pattern.matcher("");
    }

    Map<String, Integer> imports() {
      return imports;
    }

    int mainGuardLine() {
      return mainGuardLine;
    }

    int firstMatchLine() {
      return firstMatchLine;
    }

    /** Looks at one code line, {@code [from, to)} of {@code source} before stripping. */
    private void visit(String source, int from, int to, int number) {
      while (from < to && Character.isWhitespace(source.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(source.charAt(to - 1))) {
        to--;
      }
      String line = null;
      if (source.startsWith("from", from) || source.startsWith("import", from)) {
        line = source.substring(from, to);
        readImport(line, number);
      }
      if (mainGuardLine == 0 && source.startsWith("if", from)) {
        line = line == null ? source.substring(from, to) : line;
        if (mainGuard.reset(line).find()) {
          mainGuardLine = number;
        }
      }
      if (searchPattern && firstMatchLine == 0) {
        line = line == null ? source.substring(from, to) : line;
        if (line.contains(literal) && wanted.reset(line).find()) {
          firstMatchLine = number;
        }
      }
    }

    private void readImport(String line, int number) {
      if (from.reset(line).find()) {
        imports.putIfAbsent(from.group(1), number);
        return;
      }
      if (plain.reset(line).find()) {
        String names = plain.group(1);
        int comment = names.indexOf('#');
        names = comment < 0 ? names : names.substring(0, comment);
        for (String part : names.split("[,;]")) {
          Matcher module = MODULE.matcher(part.strip());
          if (module.find() && !part.strip().startsWith("import")) {
            imports.putIfAbsent(module.group(1), number);
          }
        }
      }
    }
  }

  /**
   * The triple quote still open after the line {@code [from, to)} of {@code source} (its quote
   * character, 0 for none), given the one open before it.
   */
  private static char quoteStateAfter(String source, int from, int to, char open) {
    char state = open;
    int i = from;
    while (i < to) {
      char c = source.charAt(i);
      if (state == 0) {
        if (c == '#') {
          return 0;
        }
        if (c == '"' || c == '\'') {
          if (isTripleQuote(source, i, to, c)) {
            state = c;
            i += 3;
          } else {
            i = endOfShortString(source, i, to) + 1;
          }
          continue;
        }
        i++;
      } else {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (isTripleQuote(source, i, to, state)) {
          state = 0;
          i += 3;
          continue;
        }
        i++;
      }
    }
    return state;
  }

  private static boolean isTripleQuote(String source, int at, int to, char quote) {
    return at + 2 < to
        && source.charAt(at) == quote
        && source.charAt(at + 1) == quote
        && source.charAt(at + 2) == quote;
  }

  private static int endOfShortString(String source, int start, int to) {
    char quote = source.charAt(start);
    for (int i = start + 1; i < to; i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return to;
  }
}
