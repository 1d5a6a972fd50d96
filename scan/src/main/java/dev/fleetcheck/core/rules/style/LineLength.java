package dev.fleetcheck.core.rules.style;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PhysicalLines;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * PY-STYLE-002: product {@code .py} lines stay within the limit: the {@code line-length} configured
 * for Ruff or Black, or flake8's {@code max-line-length}, at the repository root (the documented
 * exception, RULES-NEXT "Line length"), else 79. Lines with a {@code noqa} pragma (bare or naming
 * E501/W505) and lines that are only a URL in a string or comment are exempt. One finding per file.
 */
public final class LineLength implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-STYLE-002",
              Profile.PYTHON,
              "Wrap long lines (ruff format does it), or document the project's limit as line-length"
                  + " in [tool.ruff] / [tool.black] or max-line-length for flake8.")
          .defined(
              "PASS when no product `.py` line longer than the limit: the "
                  + "`line-length` of `[tool.ruff]`/`[tool.black]` in the root "
                  + "pyproject.toml, of `ruff.toml`/`.ruff.toml`, or flake8's "
                  + "`max-line-length` (`.flake8`, `setup.cfg`, `tox.ini`) when configured "
                  + "(the documented exception), else 79; `noqa` (bare, E501, W505) and "
                  + "URL-only string or comment lines exempt; one finding per file (first "
                  + "line, count)",
              Effort.LOW);

  static final int DEFAULT_LIMIT = 79;

  private static final Pattern NOQA =
      Pattern.compile(
          "#\\s*noqa(?!\\s*:)|#\\s*noqa\\s*:[^#]*\\b(E501|W505)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_ONLY =
      Pattern.compile("^\\s*(#\\s*)?[rbuRBU]*[\"']{0,3}[a-z][a-z0-9+.-]*://\\S+[\"']{0,3},?\\s*$");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    Limit limit = limit(context.facts());
    // Each file's lines are its own: measured on every core, the findings kept in module order.
    List<Evidence> findings =
        modules.parallelStream()
            .map(
                module ->
                    context
                        .snapshot()
                        .readText(module.path())
                        .flatMap(text -> longLines(module.path(), text, limit.columns())))
            .flatMap(Optional::stream)
            .toList();
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            "every line is within "
                + limit.columns()
                + " characters ("
                + limit.source()
                + "; "
                + modules.size()
                + " files checked)"));
  }

  record Limit(int columns, String source) {}

  /**
   * The first long line of a file and how many there are; empty when none. Lines end at CRLF, CR or
   * LF ({@link PhysicalLines}, no regular expression), and a line's code points are counted, and
   * the pragma and URL patterns tried, only when it has more chars than the limit: a line has at
   * most as many code points as chars.
   */
  static Optional<Evidence> longLines(String path, String text, int limit) {
    int first = 0;
    int count = 0;
    int longest = 0;
    PhysicalLines lines = PhysicalLines.of(text);
    for (int i = 0; i < lines.count(); i++) {
      int start = lines.start(i);
      int end = lines.end(i);
      int codePoints = end - start > limit ? longLineCodePoints(text, start, end, limit) : 0;
      if (codePoints > 0) {
        count++;
        longest = Math.max(longest, codePoints);
        if (first == 0) {
          first = i + 1;
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        Evidence.at(
            path,
            first,
            count
                + (count == 1 ? " line is" : " lines are")
                + " longer than "
                + limit
                + " characters (longest "
                + longest
                + ")"));
  }

  /** The code points of a line longer than {@code limit} that is not exempt; 0 otherwise. */
  private static int longLineCodePoints(String text, int start, int end, int limit) {
    int codePoints = text.codePointCount(start, end);
    return codePoints > limit && !exempt(text.substring(start, end)) ? codePoints : 0;
  }

  private static boolean exempt(String line) {
    return NOQA.matcher(line).find() || URL_ONLY.matcher(line).matches();
  }

  static Limit limit(Facts facts) {
    Optional<JsonNode> pyproject = Pyproject.at(facts, "").asOptional();
    if (pyproject.isPresent()) {
      for (String tool : List.of("ruff", "black")) {
        OptionalInt value = intOf(pyproject.get().path("tool").path(tool).path("line-length"));
        if (value.isPresent()) {
          return new Limit(value.getAsInt(), "line-length of [tool." + tool + "]");
        }
      }
    }
    for (String file : List.of("ruff.toml", ".ruff.toml")) {
      if (facts.snapshot().file(file).isPresent()) {
        OptionalInt value =
            ConfigParsers.toml(facts, file)
                .asOptional()
                .map(n -> intOf(n.path("line-length")))
                .orElse(OptionalInt.empty());
        if (value.isPresent()) {
          return new Limit(value.getAsInt(), "line-length of " + file);
        }
      }
    }
    for (String file : List.of(".flake8", "setup.cfg", "tox.ini")) {
      if (facts.snapshot().file(file).isPresent()) {
        Optional<String> value =
            ConfigParsers.ini(facts, file)
                .asOptional()
                .flatMap(ini -> ini.get("flake8", "max-line-length"));
        if (value.isPresent() && value.get().trim().matches("\\d+")) {
          return new Limit(
              Integer.parseInt(value.get().trim()), "flake8 max-line-length in " + file);
        }
      }
    }
    return new Limit(DEFAULT_LIMIT, "no limit configured: the standard's 79");
  }

  private static OptionalInt intOf(JsonNode node) {
    return node.canConvertToInt() && node.isNumber()
        ? OptionalInt.of(node.intValue())
        : OptionalInt.empty();
  }
}
