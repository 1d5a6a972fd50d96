package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-TUI-002 (assisted): CLI code prompts ({@link Prompts}; click/typer prompts exempt, they read
 * piped stdin) and nothing in product code checks for a terminal: no {@code isatty}, {@code
 * is_terminal} or {@code is_interactive} in code, no {@code CI} or {@code TERM} environment read. A
 * curses UI without a tty check is PY-BEH-010's finding; textual apps are not read.
 */
public final class PromptsWithoutTerminalCheck implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-002",
              Set.of(Profile.CLI),
              "Before prompting, check sys.stdin.isatty() (or CI) and fail with a clear message"
                  + " or use the default when no one can answer.")
          .defined(
              "FAIL per prompt in CLI code (input, getpass, rich Prompt/Confirm.ask, questionary,"
                  + " inquirer, InquirerPy, pick; click/typer prompts exempt; an option's hand-written"
                  + " fallback, opts.password = getpass.getpass(...) under if opts.password is None"
                  + " or return getpass.getpass(...) after returning a get_param(...) value,"
                  + " as PY-TUI-001) when product code never"
                  + " checks for a terminal (isatty, is_terminal, is_interactive, a CI or TERM"
                  + " environment read). Curses is judged under PY-BEH-010. NOT_APPLICABLE without"
                  + " product code.",
              Effort.LOW);

  private static final Set<String> TERMINAL_WORDS =
      Set.of("isatty", "is_terminal", "is_interactive");
  private static final Set<String> ENV_READS =
      Set.of("os.getenv", "os.environ.get", "os.environ.__getitem__", "environ.get");

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
    List<Prompts.Prompt> prompts =
        context.fact(Prompts.FACT).stream().filter(p -> !p.readsStdin()).toList();
    if (prompts.isEmpty() || checksTerminal(codebase, modules)) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        prompts.stream()
            .map(
                p ->
                    Evidence.at(
                        p.path(),
                        p.line(),
                        p.callee()
                            + " prompts but the CLI never checks for a terminal (isatty, CI)"))
            .toList());
  }

  private static boolean checksTerminal(PythonCodebase codebase, List<PythonModule> modules) {
    for (PythonModule module : modules) {
      for (Call call : module.calls()) {
        if (TERMINAL_WORDS.contains(call.name())) {
          return true;
        }
        if ((ENV_READS.contains(call.callee()) || call.name().equals("getenv"))
            && !call.positional().isEmpty()
            && (call.positional().get(0).containsString("CI")
                || call.positional().get(0).containsString("TERM"))) {
          return true;
        }
      }
    }
    for (PythonModule module : modules) {
      String text = codebase.text(module.path()).orElse("");
      if (text.contains("is_terminal")
          || text.contains("is_interactive")
          || text.contains("isatty")
          || text.contains("\"CI\"")
          || text.contains("'CI'")) {
        return true;
      }
    }
    return false;
  }
}
