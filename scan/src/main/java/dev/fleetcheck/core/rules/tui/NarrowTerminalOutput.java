package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.beh.TerminalOnlyOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-TUI-004 (assisted): a rich {@code Console(width=N)} with a literal N of 120 or more, which
 * wraps badly in narrow terminals and CI logs. The raw-ANSI and terminal-size signals RULES-NEXT
 * also names are PY-BEH-010's findings (one home, ADR 0022): when they are all there is, this rule
 * gives way to PY-BEH-010.
 */
public final class NarrowTerminalOutput implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-004",
              Set.of(Profile.CLI),
              "Let rich measure the terminal (Console() without width=) or pick a width under 120;"
                  + " keep output readable in 80 columns and in CI logs.")
          .defined(
              "FAIL per rich Console(width=N) with a literal N >= 120 in CLI code. Raw ANSI without"
                  + " a tty check and an unguarded os.get_terminal_size() are judged under"
                  + " PY-BEH-010 (same obligation). NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final int WIDE = 120;
  private static final Set<String> CONSOLES = Set.of("rich.console.Console", "rich.Console");

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
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // A finding is a call with a width= keyword, which spells the name.
      if (!module.mentions("width")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (CONSOLES.contains(call.callee())
            && call.keyword("width").filter(NarrowTerminalOutput::wide).isPresent()) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "rich Console with a fixed width of "
                      + ((PyValue.Num) call.keyword("width").get()).text()
                      + " columns"));
        }
      }
    }
    if (findings.isEmpty()) {
      Outcome home = context.fact(TerminalOnlyOutput.OUTCOME);
      if (home.status() == Status.FAIL) {
        return SameObligation.judgedAt(
            TerminalOnlyOutput.ID,
            "output that assumes a terminal is",
            SameObligation.statusOf(home));
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean wide(PyValue value) {
    if (value instanceof PyValue.Num num) {
      try {
        return Integer.parseInt(num.text().replace("_", "")) >= WIDE;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}
