package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT family F3): the log calls inside each except-handler of a module,
 * each under its innermost handler, and whether a log call records the caught exception: {@code
 * logger.exception(...)}, {@code exc_info=} other than {@code False}, or the handler's {@code as}
 * name passed as an argument or inside an f-string field.
 */
final class HandlerLogs {

  /** One log call in a handler. */
  record Logged(ExceptHandler handler, LogEvents.Site site) {

    /** Whether the call records the caught exception. */
    boolean recordsException() {
      if (site.call().name().equals("exception")) {
        return true;
      }
      Optional<PyValue> excInfo = site.call().keyword("exc_info");
      if (excInfo.isPresent()) {
        return !excInfo.get().isFalse() && !excInfo.get().isNone();
      }
      String name = handler.name();
      if (name.isEmpty()) {
        return false;
      }
      NameWord word = new NameWord(name);
      for (PyValue argument : site.arguments()) {
        if (mentions(argument, name, word)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the call keeps the exception's trace. */
    boolean keepsTrace() {
      return site.call().name().equals("exception")
          || site.call().keyword("exc_info").filter(v -> !v.isFalse() && !v.isNone()).isPresent();
    }

    private static boolean mentions(PyValue value, String name, NameWord word) {
      if (value instanceof PyValue.Name n) {
        return n.dotted().equals(name) || n.dotted().startsWith(name + ".");
      }
      if (value instanceof PyValue.Expr e) {
        return word.in(e.text());
      }
      if (value instanceof PyValue.Seq seq) {
        return seq.items().stream().anyMatch(v -> mentions(v, name, word));
      }
      if (value instanceof PyValue.Dict dict) {
        return dict.entries().stream().anyMatch(en -> mentions(en.value(), name, word));
      }
      return false;
    }
  }

  /**
   * The handler's name as a whole word of an expression's text, its pattern compiled on the first
   * expression that holds it: most log calls pass none, and compiling one per call cost more than
   * the check itself.
   */
  private static final class NameWord {

    private final String name;
    private Pattern pattern;

    NameWord(String name) {
      this.name = name;
    }

    boolean in(String text) {
      if (!text.contains(name)) {
        return false;
      }
      if (pattern == null) {
        pattern = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b");
      }
      return pattern.matcher(text).find();
    }
  }

  private HandlerLogs() {}

  /** The log calls of {@code module} that lie inside an except-handler. */
  static List<Logged> of(PythonModule module, LogEvents events) {
    if (module.exceptHandlers().isEmpty()) {
      return List.of();
    }
    List<Logged> logged = new ArrayList<>();
    for (LogEvents.Site site : events.in(module.path())) {
      innermost(module, site.call().line()).ifPresent(h -> logged.add(new Logged(h, site)));
    }
    return logged;
  }

  static Optional<ExceptHandler> innermost(PythonModule module, int line) {
    ExceptHandler best = null;
    for (ExceptHandler handler : module.exceptHandlers()) {
      if (handler.covers(line) && (best == null || handler.line() > best.line())) {
        best = handler;
      }
    }
    return Optional.ofNullable(best);
  }
}
