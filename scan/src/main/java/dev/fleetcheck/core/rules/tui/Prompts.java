package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The interactive prompts of product code (RULES-NEXT family F10, PY-TUI-001/-002): the builtin
 * {@code input()}, {@code getpass.getpass}, click/typer {@code prompt}/{@code confirm}, rich {@code
 * Prompt|Confirm|IntPrompt|FloatPrompt.ask}, and any call into questionary, inquirer, InquirerPy or
 * pick. An option's own {@code prompt=} fallback is not a call and never counts.
 */
final class Prompts {

  /** One prompt call; {@code readsStdin} for click/typer prompts, which read piped input. */
  record Prompt(String path, int line, String callee, boolean readsStdin) {}

  static final Fact<List<Prompt>> FACT =
      Fact.of(
          "tui.prompts",
          facts -> {
            List<Prompt> prompts = new ArrayList<>();
            for (PythonModule module : PythonCodebase.of(facts).productModules()) {
              for (Call call : module.calls()) {
                if (isPrompt(module, call)) {
                  prompts.add(
                      new Prompt(
                          module.path(),
                          call.line(),
                          call.callee(),
                          Prompts.STDIN_PROMPTS.contains(call.callee())));
                }
              }
            }
            return List.copyOf(prompts);
          });

  private static final Set<String> STDIN_PROMPTS =
      Set.of("click.prompt", "click.confirm", "typer.prompt", "typer.confirm");
  private static final Set<String> PROMPTS =
      Set.of(
          "getpass.getpass",
          "rich.prompt.Prompt.ask",
          "rich.prompt.Confirm.ask",
          "rich.prompt.IntPrompt.ask",
          "rich.prompt.FloatPrompt.ask",
          "pick.pick");
  private static final Set<String> PROMPT_LIBRARIES =
      Set.of("questionary", "inquirer", "InquirerPy");

  private Prompts() {}

  private static boolean isPrompt(PythonModule module, Call call) {
    String callee = call.callee();
    if (callee.equals("input") && !module.imports().containsKey("input")) {
      return true;
    }
    if (STDIN_PROMPTS.contains(callee) || PROMPTS.contains(callee)) {
      return true;
    }
    int dot = callee.indexOf('.');
    return dot > 0 && !callee.contains("()") && PROMPT_LIBRARIES.contains(callee.substring(0, dot));
  }
}
