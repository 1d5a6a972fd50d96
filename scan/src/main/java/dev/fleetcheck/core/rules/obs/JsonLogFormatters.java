package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON log formatter set up in logging configuration (RULES.md, PY-OBS-012): named as the
 * formatter's factory ({@code ()} or {@code class}) in a dictConfig/fileConfig file or dict, or
 * handed to {@code setFormatter(...)} or a {@code formatter=}/{@code logger_formatter=} keyword. A
 * class that merely carries a JSON-formatter name somewhere is not one.
 */
final class JsonLogFormatters {

  private static final String NAME_SOURCE =
      "json\\w*formatter|jsonlogger|json_log_formatter|ecs_logging";
  private static final Pattern NAME = Pattern.compile(NAME_SOURCE, Pattern.CASE_INSENSITIVE);
  private static final Pattern CONFIGURED =
      Pattern.compile(
          "[\"']?(?:\\(\\)|\\bclass)[\"']?[ \\t]*[:=][ \\t]*[\"']?[\\w.]*?(" + NAME_SOURCE + ")",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> FORMATTER_KEYWORDS = Set.of("formatter", "logger_formatter");

  /** One of these is in every file that can name a JSON formatter, in any letter case. */
  static final List<String> LITERALS = List.of("ormatter", "jsonlogger", "ecs_logging");

  private JsonLogFormatters() {}

  static boolean isJsonFormatterName(String name) {
    return NAME.matcher(name).find();
  }

  static boolean mayName(String text) {
    return LITERALS.stream().anyMatch(text::contains);
  }

  /** A logging configuration file ({@code logging.yaml}, {@code logging.ini}, ...). */
  static Optional<Evidence> inConfigFile(String path, String text) {
    Matcher m = CONFIGURED.matcher(text);
    return m.find()
        ? Optional.of(
            Evidence.at(
                path,
                TextLines.lineAt(text, m.start()),
                "JSON log formatter " + m.group(1) + " configured"))
        : Optional.empty();
  }

  /**
   * Python code: a dictConfig dict, {@code setFormatter(...)} or a formatter keyword. In a dict,
   * {@code "()"} names a logging factory; {@code "class"} does only in code that also has a {@code
   * "formatters"} section, as it names many other things.
   */
  static Optional<Evidence> inPython(PythonModule module, String code) {
    boolean formatters = code.contains("\"formatters\"") || code.contains("'formatters'");
    for (LiteralPair pair : module.literalPairs()) {
      boolean factoryKey = pair.key().equals("()") || (formatters && pair.key().equals("class"));
      if (factoryKey && pair.value() instanceof PyValue.Str factory) {
        Optional<Evidence> named = named(module, pair.line(), factory.value());
        if (named.isPresent()) {
          return named;
        }
      }
    }
    for (Call call : module.calls()) {
      if (call.name().equals("setFormatter") && !call.positional().isEmpty()) {
        Optional<Evidence> named =
            named(module, call.line(), text(call.positional().get(0), module));
        if (named.isPresent()) {
          return named;
        }
      }
      for (String keyword : FORMATTER_KEYWORDS) {
        Optional<PyValue> value = call.keyword(keyword);
        if (value.isPresent()) {
          Optional<Evidence> named = named(module, call.line(), text(value.get(), module));
          if (named.isPresent()) {
            return named;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> named(PythonModule module, int line, String text) {
    Matcher m = NAME.matcher(text);
    return m.find()
        ? Optional.of(
            Evidence.at(module.path(), line, "JSON log formatter " + m.group() + " configured"))
        : Optional.empty();
  }

  /** What a value stands for: an expression's text, or the callee a name was bound to. */
  private static String text(PyValue value, PythonModule module) {
    if (value instanceof PyValue.Expr expr) {
      return expr.text();
    }
    if (value instanceof PyValue.Name name) {
      return module.bindings().stream()
          .filter(b -> b.name().equals(name.dotted()))
          .map(Binding::callee)
          .findFirst()
          .orElse("");
    }
    return "";
  }
}
