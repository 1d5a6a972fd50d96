package dev.fleetcheck.core.facts.ci;

import dev.fleetcheck.core.facts.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell steps of a Jenkinsfile: {@code sh}, {@code bat} and {@code powershell} calls with a
 * literal script, in any of Groovy's string forms ({@code '...'}, {@code "..."}, triple-quoted), as
 * {@code sh 'x'}, {@code sh('x')} or {@code sh(script: 'x', ...)}.
 */
final class JenkinsfileSteps {

  private static final Pattern STEP =
      Pattern.compile(
          "\\b(?:sh|bat|pwsh|powershell)\\s*(?:\\(\\s*)?(?:label\\s*:\\s*(['\"]).*?\\1\\s*,\\s*)?"
              + "(?:script\\s*:\\s*)?(?='|\")");

  private JenkinsfileSteps() {}

  static List<CiStep> read(String path, String text) {
    List<CiStep> steps = new ArrayList<>();
    Matcher m = STEP.matcher(text);
    LineIndex lines = LineIndex.of(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int start = m.end();
      String quote =
          text.startsWith("'''", start) || text.startsWith("\"\"\"", start)
              ? text.substring(start, start + 3)
              : text.substring(start, start + 1);
      int close = text.indexOf(quote, start + quote.length());
      if (close < 0) {
        break;
      }
      String script = text.substring(start + quote.length(), close);
      if (!script.isBlank()) {
        steps.add(
            new CiStep.Shell(path, lineOf(lines, start + quote.length(), script), script.strip()));
      }
      from = close + quote.length();
    }
    return steps;
  }

  /** The line of the script's first non-blank line (triple-quoted scripts start on the next). */
  private static int lineOf(LineIndex lines, int offset, String script) {
    int leadingNewlines = 0;
    for (String line : script.split("\n", -1)) {
      if (!line.isBlank()) {
        break;
      }
      leadingNewlines++;
    }
    return lines.lineAt(offset) + leadingNewlines;
  }
}
