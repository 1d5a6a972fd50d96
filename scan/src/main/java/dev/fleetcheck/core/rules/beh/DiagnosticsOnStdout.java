package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
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
                  + " NOT_APPLICABLE without product code.",
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
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (streams.stream(call).filter(s -> s == StreamWrites.Stream.STDOUT).isEmpty()) {
        continue;
      }
      boolean inHandler = module.exceptHandlers().stream().anyMatch(h -> h.covers(call.line()));
      boolean diagnostic =
          !call.positional().isEmpty() && StreamWrites.diagnosticText(call.positional().get(0));
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
}
