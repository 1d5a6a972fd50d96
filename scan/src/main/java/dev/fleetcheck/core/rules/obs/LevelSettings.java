package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LogicalLines;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Shared detector (RULES-NEXT family F8): where product code sets a log level. {@code
 * logging.basicConfig(level=...)}, {@code setLevel(...)} (on the root logger, a console handler or
 * a named logger), powertools {@code Logger(level=...)}. Each setting knows its literal level
 * (empty when the value is not a literal: configuration drives it), whether it targets the root or
 * console output, and whether it runs unconditionally: not under an {@code if}/{@code else}/{@code
 * match} (the {@code __main__} guard aside) and not in a function whose header speaks of verbosity,
 * debugging or a level. Modules are tokenized again only when they set a level.
 */
final class LevelSettings {

  static final Fact<LevelSettings> FACT = Fact.of("obs-level-settings", LevelSettings::read);

  enum Kind {
    BASIC_CONFIG,
    SET_LEVEL,
    POWERTOOLS
  }

  /**
   * One setting. {@code level}: the literal level in upper case, empty when not a literal; {@code
   * console}: basicConfig, the root logger or a stream handler; {@code target}: the literal logger
   * name of {@code logging.getLogger("name").setLevel(...)}, else empty; {@code defaultOnly}: the
   * setting sits under an {@code if} that tests a logger's {@code .level} against {@code NOTSET}
   * (or {@code 0}, or {@code if not x.level}), so it applies only while nothing configured a level.
   */
  record Setting(
      PythonModule module,
      Call call,
      Kind kind,
      Optional<String> level,
      boolean console,
      Optional<String> target,
      boolean unconditional,
      boolean defaultOnly) {

    Evidence at(String message) {
      return Evidence.at(module.path(), call.line(), message);
    }

    boolean debug() {
      return level.filter("DEBUG"::equals).isPresent();
    }
  }

  private static final Set<String> POWERTOOLS =
      Set.of("aws_lambda_powertools.Logger", "aws_lambda_powertools.logging.Logger");
  private static final Set<String> LEVELS =
      Set.of("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "NOTSET", "FATAL");

  /**
   * The last part of every callee {@link #setsLevel} accepts: a module whose code spells none of
   * them sets no level.
   */
  private static final Set<String> SETTER_NAMES = Set.of("basicConfig", "setLevel", "Logger");

  private static final Set<String> GUARDS = Set.of("if", "elif", "else", "match", "case");
  private static final List<String> SWITCHES = List.of("verbose", "debug", "level", "quiet");

  private final List<Setting> settings;

  private LevelSettings(List<Setting> settings) {
    this.settings = List.copyOf(settings);
  }

  List<Setting> all() {
    return settings;
  }

  private static LevelSettings read(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    List<Setting> settings = new ArrayList<>();
    for (PythonModule module : codebase.productModules()) {
      if (!module.mentionsAny(SETTER_NAMES)) {
        continue;
      }
      List<Call> calls = module.calls().stream().filter(LevelSettings::setsLevel).toList();
      if (calls.isEmpty()) {
        continue;
      }
      Set<String> handlers = new HashSet<>();
      for (Binding binding : module.bindings()) {
        if (binding.callee().equals("logging.StreamHandler")) {
          handlers.add(binding.name());
        }
      }
      Optional<Tokens> tokens = codebase.tokens(module.path());
      Optional<LogicalLines> lines = tokens.map(LogicalLines::of);
      for (Call call : calls) {
        Kind kind =
            call.callee().equals("logging.basicConfig")
                ? Kind.BASIC_CONFIG
                : POWERTOOLS.contains(call.callee()) ? Kind.POWERTOOLS : Kind.SET_LEVEL;
        PyValue value =
            kind == Kind.SET_LEVEL
                ? (call.positional().isEmpty() ? null : call.positional().get(0))
                : call.keyword("level").orElse(null);
        if (value == null) {
          continue;
        }
        String receiver = call.writtenReceiver();
        Optional<Call> getLogger =
            receiver.endsWith("getLogger()") ? loggerOf(module, call) : Optional.empty();
        Optional<String> target =
            getLogger.flatMap(
                g ->
                    g.positional().isEmpty()
                        ? Optional.empty()
                        : ModuleValues.string(module, g.positional().get(0)));
        boolean root =
            (getLogger.isPresent() && getLogger.get().positional().isEmpty())
                || receiver.equals("logging.root")
                || handlers.contains(receiver);
        boolean unconditional =
            tokens.map(t -> unconditional(t, lines.get(), call.line())).orElse(false);
        boolean defaultOnly =
            !unconditional
                && tokens.map(t -> underNotSetGuard(t, lines.get(), call.line())).orElse(false);
        settings.add(
            new Setting(
                module,
                call,
                kind,
                level(module, value),
                kind == Kind.BASIC_CONFIG || root,
                target,
                unconditional,
                defaultOnly));
      }
    }
    return new LevelSettings(settings);
  }

  /** The {@code logging.getLogger(...)} call a chained {@code setLevel} is made on. */
  private static Optional<Call> loggerOf(PythonModule module, Call setLevel) {
    Call best = null;
    for (Call call : module.calls()) {
      if (call.line() == setLevel.line()
          && call.callee().equals("logging.getLogger")
          && call.column() <= setLevel.column()
          && (best == null || call.column() > best.column())) {
        best = call;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean setsLevel(Call call) {
    return call.callee().equals("logging.basicConfig")
        || (call.name().equals("setLevel") && !call.receiver().isEmpty())
        || POWERTOOLS.contains(call.callee());
  }

  /** The literal level a value stands for: {@code logging.DEBUG}, {@code "DEBUG"}, {@code 10}. */
  private static Optional<String> level(PythonModule module, PyValue value) {
    String text;
    if (value instanceof PyValue.Num num) {
      text =
          switch (num.text()) {
            case "10" -> "DEBUG";
            case "20" -> "INFO";
            case "30" -> "WARNING";
            case "40" -> "ERROR";
            case "50" -> "CRITICAL";
            default -> "";
          };
    } else if (value instanceof PyValue.Name name) {
      String resolved = module.imports().getOrDefault(name.dotted(), name.dotted());
      text =
          resolved.startsWith("logging.") || name.dotted().startsWith("logging.")
              ? resolved.substring(resolved.lastIndexOf('.') + 1)
              : ModuleValues.string(module, value).orElse("");
    } else {
      text = ModuleValues.string(module, value).orElse("");
    }
    String upper = text.toUpperCase(Locale.ROOT);
    return LEVELS.contains(upper) ? Optional.of(upper) : Optional.empty();
  }

  /**
   * Whether the statement on {@code line} runs whatever the options: walk out through the headers
   * of its enclosing blocks (the nearest earlier logical line indented less, each time).
   */
  private static boolean unconditional(Tokens t, LogicalLines lines, int line) {
    for (int header : lines.enclosingHeaders(lines.at(line))) {
      String word = t.text(header);
      String text = headerText(t, header).toLowerCase(Locale.ROOT);
      if (GUARDS.contains(word) && !text.contains("__name__")) {
        return false;
      }
      boolean def = word.equals("def") || (word.equals("async") && text.contains("def "));
      if (def && SWITCHES.stream().anyMatch(text::contains)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an enclosing {@code if} of the statement on {@code line} tests a logger's level for
   * being unset: {@code if log.level == logging.NOTSET}, {@code == 0}, {@code if not log.level}.
   */
  private static boolean underNotSetGuard(Tokens t, LogicalLines lines, int line) {
    for (int header : lines.enclosingHeaders(lines.at(line))) {
      String text = headerText(t, header).replace(" ", "");
      if (t.is(header, "if")
          && text.contains(".level")
          && (text.contains("NOTSET") || text.contains(".level==0") || text.startsWith("ifnot"))) {
        return true;
      }
    }
    return false;
  }

  private static String headerText(Tokens t, int header) {
    String source = t.source();
    int from = t.start(header);
    int end = source.indexOf('\n', from);
    return source.substring(from, end < 0 ? source.length() : end);
  }
}
