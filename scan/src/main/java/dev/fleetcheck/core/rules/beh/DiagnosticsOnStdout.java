package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.StreamWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-BEH-009 (assisted): a diagnostic written to stdout by CLI code: {@code print} without a stderr
 * {@code file=}, click/typer {@code echo}/{@code secho} without {@code err=True}, {@code
 * sys.stdout.write}, {@code print} on a stdout rich Console, when the write sits in an except
 * clause or its message starts with error, warning, warn, fatal, debug, failed or traceback.
 */
public final class DiagnosticsOnStdout implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-009",
              Set.of(Profile.CLI),
              "Write errors and warnings to stderr: print(..., file=sys.stderr),"
                  + " click.echo(..., err=True), Console(stderr=True), or a logger.")
          .defined(
              "FAIL per stdout write in CLI code (print without file=sys.stderr, click/typer"
                  + " echo/secho without err=True, sys.stdout.write, a stdout rich Console) inside"
                  + " an except clause, or whose literal or f-string message starts (after rich"
                  + " markup) with error, warning, warn, fatal, debug, failed or traceback."
                  + " Narrowed: in an except clause, a write of only blanks or line breaks"
                  + " (print(), write('\\n')) and a fallback that prints again what the same"
                  + " function prints outside any handler (print(val) then, on UnicodeEncodeError,"
                  + " print(val.encode(...))) are not diagnostics. NOT_APPLICABLE without product"
                  + " code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    StreamWrites streams = StreamWrites.of(module);
    List<Call> writes = new ArrayList<>();
    for (Call call : module.calls()) {
      if (streams.stream(call).filter(s -> s == StreamWrites.Stream.STDOUT).isPresent()) {
        writes.add(call);
      }
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call call : writes) {
      boolean diagnostic =
          !call.positional().isEmpty() && StreamWrites.diagnosticText(call.positional().get(0));
      boolean inHandler =
          !diagnostic
              && inHandler(module, call.line())
              && !blank(call)
              && !fallbackOfOutput(module, call, writes);
      if (inHandler || diagnostic) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                call.written()
                    + " writes "
                    + (diagnostic ? "a diagnostic" : "from an except clause")
                    + " to stdout"));
      }
    }
    return findings;
  }

  private static boolean inHandler(PythonModule module, int line) {
    return module.exceptHandlers().stream().anyMatch(h -> h.covers(line));
  }

  /** A write of nothing but line breaks or spaces ({@code print()}, {@code write("\n")}). */
  private static boolean blank(Call call) {
    for (PyValue value : call.positional()) {
      boolean empty =
          (value instanceof PyValue.Str str && str.value().isBlank())
              || (value instanceof PyValue.Name name && name.dotted().equals("os.linesep"));
      if (!empty) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a handler's write prints again what the same function prints outside any handler
   * ({@code try: print(val) except UnicodeEncodeError: print(val.encode(...))}): the fallback of
   * the function's own output, not a diagnostic.
   */
  private static boolean fallbackOfOutput(PythonModule module, Call call, List<Call> writes) {
    String written = call.positional().isEmpty() ? "" : root(call.positional().get(0));
    if (written.isEmpty()) {
      return false;
    }
    Extent def = module.enclosingDef(call.line()).orElse(null);
    if (def == null) {
      return false;
    }
    for (Call other : writes) {
      if (other != call
          && other.line() >= def.line()
          && other.line() <= def.lastLine()
          && !other.positional().isEmpty()
          && written.equals(root(other.positional().get(0)))
          && !inHandler(module, other.line())) {
        return true;
      }
    }
    return false;
  }

  /** The leading name of a written value: {@code val} for {@code val.encode(...).decode()}. */
  private static String root(PyValue value) {
    String text;
    if (value instanceof PyValue.Name name) {
      text = name.dotted();
    } else if (value instanceof PyValue.Expr expr) {
      text = expr.text().strip();
    } else {
      return "";
    }
    int end = 0;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    boolean stringPrefix =
        end < text.length() && (text.charAt(end) == '"' || text.charAt(end) == '\'');
    return end > 0 && Character.isJavaIdentifierStart(text.charAt(0)) && !stringPrefix
        ? text.substring(0, end)
        : "";
  }
}
