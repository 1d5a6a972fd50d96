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
    Map<String, Integer> modules = new LinkedHashMap<>();
    forEachCodeLine(
        source,
        (line, number) -> {
          Matcher from = FROM_IMPORT.matcher(line);
          if (from.find()) {
            modules.putIfAbsent(from.group(1), number);
            return;
          }
          Matcher plain = IMPORT.matcher(line);
          if (plain.find()) {
            String names = plain.group(1);
            int comment = names.indexOf('#');
            names = comment < 0 ? names : names.substring(0, comment);
            for (String part : names.split("[,;]")) {
              Matcher module = MODULE.matcher(part.strip());
              if (module.find() && !part.strip().startsWith("import")) {
                modules.putIfAbsent(module.group(1), number);
              }
            }
          }
        });
    return modules;
  }

  /** The 1-based line of an {@code if __name__ == "__main__":} block, or 0 when there is none. */
  public static int mainGuardLine(String source) {
    int[] found = {0};
    forEachCodeLine(
        source,
        (line, number) -> {
          if (found[0] == 0 && MAIN_GUARD.matcher(line).find()) {
            found[0] = number;
          }
        });
    return found[0];
  }

  /**
   * The 1-based line of the first code line (outside triple-quoted strings) {@code pattern} finds.
   */
  public static int firstCodeLine(String source, Pattern pattern) {
    int[] found = {0};
    forEachCodeLine(
        source,
        (line, number) -> {
          if (found[0] == 0 && pattern.matcher(line).find()) {
            found[0] = number;
          }
        });
    return found[0];
  }

  private interface LineVisitor {
    void visit(String strippedLine, int number);
  }

  private static void forEachCodeLine(String source, LineVisitor visitor) {
    String[] lines = source.split("\r?\n", -1);
    String openQuote = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (openQuote == null) {
        visitor.visit(line.strip(), i + 1);
      }
      openQuote = quoteStateAfter(line, openQuote);
    }
  }

  /** The triple quote still open after {@code line}, given the one open before it. */
  private static String quoteStateAfter(String line, String open) {
    String state = open;
    int i = 0;
    while (i < line.length()) {
      if (state == null) {
        char c = line.charAt(i);
        if (c == '#') {
          return null;
        }
        if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
          state = line.substring(i, i + 3);
          i += 3;
          continue;
        }
        if (c == '"' || c == '\'') {
          int close = endOfShortString(line, i);
          i = close + 1;
          continue;
        }
        i++;
      } else {
        if (line.charAt(i) == '\\') {
          i += 2;
          continue;
        }
        if (line.startsWith(state, i)) {
          state = null;
          i += 3;
          continue;
        }
        i++;
      }
    }
    return state;
  }

  private static int endOfShortString(String line, int start) {
    char quote = line.charAt(start);
    for (int i = start + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return line.length();
  }
}
