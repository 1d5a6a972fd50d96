package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass scan finds exactly what the line-by-line scan it replaced found (kept here as the
 * reference: split into lines, strip each, match every line outside triple-quoted strings), on
 * generated Python-like text full of quotes, escapes, comments and line terminators.
 */
class ImportScanEquivalenceTest {

  private static final Pattern HANDLER =
      Pattern.compile(
          "^(?:async\\s+)?def\\s+(?:lambda_handler|handler)\\s*\\(\\s*event\\b[^,()]*,\\s*context\\b");

  @Property(tries = 2000)
  void findsWhatTheLineByLineScanFound(@ForAll("python") String source) {
    ImportScan.Summary summary = ImportScan.summarise(source, HANDLER, "handler");

    assertThat(summary.imports()).containsExactlyEntriesOf(Reference.imports(source));
    assertThat(summary.mainGuardLine())
        .isEqualTo(Reference.firstLine(source, Reference.MAIN_GUARD));
    assertThat(summary.firstMatchLine()).isEqualTo(Reference.firstLine(source, HANDLER));
    assertThat(ImportScan.firstCodeLine(source, HANDLER))
        .isEqualTo(Reference.firstLine(source, HANDLER));
  }

  @Provide
  Arbitrary<String> python() {
    return Arbitraries.of(
            "import os",
            "import a.b, c as d; import e",
            "from x import y",
            "from .rel import z",
            "from  pkg.sub  import (",
            "  import   json  # note",
            "if __name__ == '__main__':",
            "if \"__main__\" == __name__:",
            "def handler(event, context):",
            "async def lambda_handler(event: dict, context):",
            "x = 1",
            "\"\"\"",
            "'''",
            "\"",
            "'",
            "#",
            "\\",
            " ",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\n",
            "\u2028",
            "\u00a0",
            "é")
        .list()
        .ofMaxSize(60)
        .map(parts -> String.join("", parts));
  }

  /** The scan as it was before it became one pass. */
  private static final class Reference {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(.+)$");
    private static final Pattern FROM_IMPORT =
        Pattern.compile("^from\\s+([A-Za-z_][A-Za-z0-9_]*)[A-Za-z0-9_.]*\\s+import\\b");
    private static final Pattern MODULE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)");
    static final Pattern MAIN_GUARD =
        Pattern.compile(
            "^if\\s+(?:__name__\\s*==\\s*[\"']__main__[\"']|[\"']__main__[\"']\\s*==\\s*__name__)\\s*:");

    interface LineVisitor {
      void visit(String strippedLine, int number);
    }

    static Map<String, Integer> imports(String source) {
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

    static int firstLine(String source, Pattern pattern) {
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

    static void forEachCodeLine(String source, LineVisitor visitor) {
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

    static String quoteStateAfter(String line, String open) {
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
            i = endOfShortString(line, i) + 1;
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

    static int endOfShortString(String line, int start) {
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
}
