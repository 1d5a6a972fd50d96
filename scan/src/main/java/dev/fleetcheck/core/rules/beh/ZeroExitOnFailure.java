package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.LogCalls;
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
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-005 (assisted): an except clause in CLI code that reports an error and then exits with
 * status 0 ({@code sys.exit()}, {@code sys.exit(0)}, {@code exit()}, {@code typer.Exit()}, {@code
 * ctx.exit()}). A report is a log call at WARNING or above, or a write to stderr or of a message
 * starting with "error"/"failed"/... ({@link StreamWrites#diagnosticText}); a plain {@code
 * print("Bye")} is not, nor a write of nothing but whitespace. {@code return} from the entry
 * function and a call-less {@code raise SystemExit} are not read.
 */
public final class ZeroExitOnFailure implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-005",
              Set.of(Profile.CLI),
              "After reporting a failure, exit with a non-zero status: sys.exit(1) (or raise"
                  + " typer.Exit(code=1)), not sys.exit() or sys.exit(0).")
          .defined(
              "FAIL per except clause in CLI code that reports an error (log call at WARNING or"
                  + " above, a write to stderr, or a message starting with error/warning/failed)"
                  + " and then exits with status 0 (sys.exit(), sys.exit(0), exit(), typer.Exit(),"
                  + " ctx.exit()). A write of nothing but whitespace (sys.stderr.write('\\n')) reports"
                  + " nothing. A `return` from the entry function is not read. NOT_APPLICABLE"
                  + " without product code.",
              Effort.LOW);

  private static final Set<String> ALARM_LEVELS =
      Set.of("warning", "warn", "error", "exception", "critical");

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
    if (module.exceptHandlers().isEmpty()) {
      return List.of();
    }
    List<ExitSite> zeroExits =
        ExitSites.of(module).stream()
            .filter(s -> s.code().isPresent() && s.code().getAsInt() == 0)
            .toList();
    if (zeroExits.isEmpty()) {
      return List.of();
    }
    LogCalls logs = LogCalls.of(module);
    StreamWrites writes = StreamWrites.of(module);
    List<Evidence> findings = new ArrayList<>();
    for (ExceptHandler handler : module.exceptHandlers()) {
      Optional<Call> report =
          module.calls().stream()
              .filter(c -> handler.covers(c.line()))
              .filter(c -> reports(c, logs, writes))
              .findFirst();
      if (report.isEmpty()) {
        continue;
      }
      zeroExits.stream()
          .filter(s -> handler.covers(s.line()) && s.line() >= report.get().line())
          .findFirst()
          .ifPresent(
              s ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          s.line(),
                          "the handler reports an error (line "
                              + report.get().line()
                              + ") then "
                              + s.form()
                              + " exits with status 0")));
    }
    return findings;
  }

  private static boolean reports(Call call, LogCalls logs, StreamWrites writes) {
    if (logs.isLogCall(call)) {
      return ALARM_LEVELS.contains(call.name());
    }
    Optional<StreamWrites.Stream> stream = writes.stream(call);
    if (stream.isEmpty()) {
      return false;
    }
    if (blank(call)) {
      return false;
    }
    return stream.get() == StreamWrites.Stream.STDERR
        || (!call.positional().isEmpty() && StreamWrites.diagnosticText(call.positional().get(0)));
  }

  /**
   * A write that says nothing: no argument, or only whitespace literals ({@code
   * sys.stderr.write('\n')} after an interrupted prompt ends the line, it reports no error).
   */
  private static boolean blank(Call call) {
    return call.positional().stream()
        .allMatch(v -> v instanceof PyValue.Str str && str.value().isBlank());
  }
}
