package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-ERR-005 (assisted): an except clause in CLI code that prints a traceback whatever the user
 * asked for: {@code traceback.print_exc()}, {@code traceback.print_exception(...)}, {@code
 * print(traceback.format_exc())}, rich's {@code <console>.print_exception()}. A print under an
 * {@code if}/{@code elif} whose condition names debug, verbose, trace or a log level, or under an
 * {@code else}, is deliberate. Left out: {@code logger.exception} (whether the logger writes to the
 * console is not known from the call) and unhandled crashes.
 */
public final class UnconditionalTracebacks implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-005",
              Set.of(Profile.CLI),
              "Print a one-line error message by default and show the traceback only with --debug"
                  + " or --verbose (or a debug log level).")
          .defined(
              "FAIL per except clause in CLI product code that calls traceback.print_exc,"
                  + " traceback.print_exception, print(traceback.format_exc()) or"
                  + " <console>.print_exception outside an if testing debug, verbose, trace or a"
                  + " log level; else MANUAL. NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> PRINTS =
      Set.of("traceback.print_exc", "traceback.print_exception", "traceback.print_tb");
  private static final Pattern DELIBERATE =
      Pattern.compile("debug|verbose|trace|level|verbosity", Pattern.CASE_INSENSITIVE);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // Only a call inside an except clause counts.
      if (module.exceptHandlers().isEmpty()) {
        continue;
      }
      List<Call> prints = new ArrayList<>();
      for (Call call : module.calls()) {
        if (printsTraceback(call)
            && module.exceptHandlers().stream().anyMatch(h -> inside(h, call))) {
          prints.add(call);
        }
      }
      if (prints.isEmpty()) {
        continue;
      }
      List<String> lines = codebase.text(module.path()).map(TextLines::of).orElse(List.of());
      for (Call call : prints) {
        ExceptHandler handler =
            module.exceptHandlers().stream().filter(h -> inside(h, call)).reduce((a, b) -> b).get();
        if (!deliberate(lines, handler.line(), call.line())) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written() + " prints a traceback on every error, not only in debug mode"));
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean inside(ExceptHandler handler, Call call) {
    return handler.covers(call.line()) && call.line() > handler.line();
  }

  private static boolean printsTraceback(Call call) {
    if (PRINTS.contains(call.callee())) {
      return true;
    }
    if (call.callee().endsWith("print_exception")
        && call.name().equals("print_exception")
        && !call.receiver().isEmpty()) {
      return true;
    }
    return call.callee().equals("print")
        && call.positional().stream()
            .anyMatch(v -> ModuleValues.text(v).replace(" ", "").contains("traceback.format_exc("));
  }

  /**
   * Whether an {@code if}/{@code elif} testing a debug-like name, or an {@code else}, sits between
   * the clause and the call at a smaller indentation than the call (or on the call's own line).
   */
  private static boolean deliberate(List<String> lines, int handlerLine, int callLine) {
    if (callLine > lines.size()) {
      return true;
    }
    String own = lines.get(callLine - 1).strip();
    if (own.startsWith("if ")
        && DELIBERATE.matcher(own.substring(0, own.indexOf(':') + 1)).find()) {
      return true;
    }
    int indent = indent(lines.get(callLine - 1));
    for (int line = callLine - 1; line > handlerLine; line--) {
      String text = lines.get(line - 1);
      String code = text.strip();
      if (code.isEmpty() || code.startsWith("#") || indent(text) >= indent) {
        continue;
      }
      indent = indent(text);
      String lower = code.toLowerCase(Locale.ROOT);
      if (lower.startsWith("else")) {
        return true;
      }
      if ((lower.startsWith("if ") || lower.startsWith("elif "))
          && DELIBERATE.matcher(code).find()) {
        return true;
      }
    }
    return false;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
