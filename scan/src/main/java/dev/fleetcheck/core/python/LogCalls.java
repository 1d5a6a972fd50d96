package dev.fleetcheck.core.python;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Log calls of one module (RULES-NEXT conventions, "Log call"): {@code logging.<level>(...)}, and
 * {@code .debug|info|warning|warn|error|exception|critical|log(...)} on a logger: a name bound to
 * {@code logging.getLogger}, {@code structlog.get_logger}, powertools {@code Logger} or loguru's
 * {@code logger}, a {@code bind()}/{@code new()}/{@code opt()} of one, or (for loggers imported
 * from another module of the project) a name whose last part is {@code logger} or {@code log}.
 */
public final class LogCalls {

  /**
   * The method names a log call can have: a module that spells none of them holds no log call
   * ({@link PythonModule#mentionsAny}).
   */
  public static final Set<String> METHOD_NAMES =
      Set.of("debug", "info", "warning", "warn", "error", "exception", "critical", "log");

  private static final Set<String> FACTORIES =
      Set.of(
          "logging.getLogger",
          "structlog.get_logger",
          "structlog.getLogger",
          "structlog.stdlib.get_logger",
          "aws_lambda_powertools.Logger",
          "aws_lambda_powertools.logging.Logger",
          "aws_lambda_powertools.logging.logger.Logger");
  private static final Set<String> CONVENTIONAL =
      Set.of("logger", "log", "_logger", "_log", "LOGGER", "LOG", "logging");
  private static final List<String> DERIVED = List.of(".bind", ".new", ".opt", ".patch");

  private final Set<String> loggers = new HashSet<>();

  private LogCalls(PythonModule module) {
    for (Binding binding : module.bindings()) {
      if (FACTORIES.contains(binding.callee())) {
        loggers.add(binding.name());
      }
    }
  }

  public static LogCalls of(PythonModule module) {
    return new LogCalls(module);
  }

  public boolean isLogCall(Call call) {
    if (!METHOD_NAMES.contains(call.name()) || call.receiver().isEmpty()) {
      return false;
    }
    String resolved = call.receiver();
    if (resolved.equals("logging") || resolved.equals("loguru.logger")) {
      return true;
    }
    String written = base(call.writtenReceiver());
    if (loggers.contains(written)) {
      return true;
    }
    if (FACTORIES.contains(base(resolved))) {
      return true;
    }
    String last = written.substring(written.lastIndexOf('.') + 1);
    return CONVENTIONAL.contains(last) && !written.contains("(");
  }

  /** The message literal of a log call: its first argument ({@code log}: the second). */
  public Optional<String> message(Call call) {
    int index = call.name().equals("log") ? 1 : 0;
    if (call.positional().size() > index
        && call.positional().get(index) instanceof PyValue.Str str) {
      return Optional.of(str.value());
    }
    return Optional.empty();
  }

  /** The event name of a log call: its message literal or its {@code event=} literal. */
  public List<String> eventNames(Call call) {
    List<String> names = new java.util.ArrayList<>();
    message(call).ifPresent(names::add);
    call.keyword("event")
        .filter(v -> v instanceof PyValue.Str)
        .ifPresent(v -> names.add(((PyValue.Str) v).value()));
    return names;
  }

  /**
   * {@code log.bind(x=1)} and {@code structlog.get_logger()} stand for the logger they come from.
   */
  private static String base(String receiver) {
    String text = receiver;
    int call = text.indexOf("()");
    if (call >= 0) {
      text = text.substring(0, call);
    }
    for (String derived : DERIVED) {
      if (text.endsWith(derived)) {
        return text.substring(0, text.length() - derived.length());
      }
    }
    return text;
  }
}
