package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.python.LogicalLines;
import dev.fleetcheck.core.python.PythonTokenizer;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What profile detection needs from a Python module, read from its token stream: the modules
 * imported by {@code import x} and {@code from x import y} statements (at any indentation), the
 * line of an {@code if __name__ == "__main__":} block and of a Lambda handler definition. Only the
 * first physical line of each logical line is read, so text inside strings, comments and bracketed
 * continuations never counts; the tokens are the ones every code check shares, so this costs no
 * pass over the text of its own.
 */
public final class ImportScan {

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(.+)$");
  private static final Pattern FROM_IMPORT =
      Pattern.compile("^from\\s+([A-Za-z_][A-Za-z0-9_]*)[A-Za-z0-9_.]*\\s+import\\b");
  private static final Pattern MODULE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern MAIN_GUARD =
      Pattern.compile(
          "^if\\s+(?:__name__\\s*==\\s*[\"']__main__[\"']|[\"']__main__[\"']\\s*==\\s*__name__)\\s*:");
  private static final Pattern LAMBDA_HANDLER =
      Pattern.compile(
          "^(?:async\\s+)?def\\s+(?:lambda_handler|handler)\\s*\\(\\s*event\\b[^,()]*,\\s*context\\b");

  private ImportScan() {}

  /** Top-level module names imported, each with the 1-based line of its first import. */
  public static Map<String, Integer> imports(String source) {
    return summarise(PythonTokenizer.tokenize(source)).imports();
  }

  /** The 1-based line of an {@code if __name__ == "__main__":} block, or 0 when there is none. */
  public static int mainGuardLine(String source) {
    return summarise(PythonTokenizer.tokenize(source)).mainGuardLine();
  }

  /** Imports, {@code __main__} guard and Lambda handler of the module {@code tokens} hold. */
  static Summary summarise(Tokens tokens) {
    Summary summary = new Summary();
    LogicalLines lines = LogicalLines.of(tokens);
    for (int k = 0; k < lines.count(); k++) {
      int first = lines.start(k);
      if (tokens.isName(first)) {
        summary.visit(tokens, first);
      }
    }
    return summary;
  }

  private static int physicalLineEnd(String source, int from) {
    int i = from;
    while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** What one pass over a module's logical lines found. */
  static final class Summary {

    private final Map<String, Integer> imports = new LinkedHashMap<>();
    // One matcher of each kind per module, reset for each line that needs it.
    private final Matcher from = FROM_IMPORT.matcher("");
    private final Matcher plain = IMPORT.matcher("");
    private final Matcher mainGuard = MAIN_GUARD.matcher("");
    private final Matcher handler = LAMBDA_HANDLER.matcher("");
    private int mainGuardLine;
    private int lambdaHandlerLine;

    Map<String, Integer> imports() {
      return imports;
    }

    int mainGuardLine() {
      return mainGuardLine;
    }

    int lambdaHandlerLine() {
      return lambdaHandlerLine;
    }

    /** Looks at the first physical line of the logical line that token {@code first} starts. */
    private void visit(Tokens tokens, int first) {
      boolean isImport = tokens.is(first, "import") || tokens.is(first, "from");
      // The guard's and the handler's second word is known: other ifs and defs are not read.
      boolean isIf =
          mainGuardLine == 0
              && tokens.is(first, "if")
              && (tokens.is(first + 1, "__name__") || tokens.isKind(first + 1, TokenKind.STRING));
      boolean isDef = lambdaHandlerLine == 0 && namesHandler(tokens, first);
      if (!isImport && !isIf && !isDef) {
        return;
      }
      String source = tokens.source();
      int end = physicalLineEnd(source, tokens.start(first));
      while (end > tokens.start(first) && Character.isWhitespace(source.charAt(end - 1))) {
        end--;
      }
      String line = source.substring(tokens.start(first), end);
      int number = tokens.line(first);
      if (isImport) {
        readImport(line, number);
      } else if (isIf) {
        if (mainGuard.reset(line).find()) {
          mainGuardLine = number;
        }
      } else if (handler.reset(line).find()) {
        lambdaHandlerLine = number;
      }
    }

    /** {@code def handler}, {@code def lambda_handler}, or either after {@code async}. */
    private static boolean namesHandler(Tokens tokens, int first) {
      int def = tokens.is(first, "async") ? first + 1 : first;
      return tokens.is(def, "def")
          && (tokens.is(def + 1, "handler") || tokens.is(def + 1, "lambda_handler"));
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
}
