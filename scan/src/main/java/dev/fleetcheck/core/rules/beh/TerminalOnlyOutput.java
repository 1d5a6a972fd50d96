package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.TerminalAssumptions;
import java.util.Set;

/**
 * PY-BEH-010 (assisted): CLI output that breaks when stdout is piped ({@link TerminalAssumptions}).
 * The home of those signals; PY-TUI-004 takes this outcome for them (ADR 0022).
 */
public final class TerminalOnlyOutput implements Rule {

  public static final String ID = "PY-BEH-010";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.CLI),
              "Make output work when piped: shutil.get_terminal_size() (or catch OSError), colour"
                  + " only when sys.stdout.isatty() and NO_COLOR is unset, or let click/rich handle"
                  + " it.")
          .defined(
              "FAIL per os.get_terminal_size() with no `except OSError` (or broader) after it in"
                  + " its function; per print/sys.stdout.write of a raw ANSI escape, and per"
                  + " curses.initscr()/wrapper(), in a module that never checks isatty(), NO_COLOR,"
                  + " FORCE_COLOR or TERM. NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  /** The detector's outcome, once per scan, for this rule and the rules that give way to it. */
  public static final Fact<Outcome> OUTCOME =
      Fact.of(
          "beh.terminal-only-output",
          facts -> ProductCode.outcome(facts, new TerminalAssumptions(PythonCodebase.of(facts))));

  @Override
  public Outcome check(RuleContext context) {
    return context.fact(OUTCOME);
  }
}
