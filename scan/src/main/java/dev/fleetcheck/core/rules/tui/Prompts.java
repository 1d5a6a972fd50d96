package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LogicalLines;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The interactive prompts of product code (RULES-NEXT family F10, PY-TUI-001/-002): the builtin
 * {@code input()}, {@code getpass.getpass}, click/typer {@code prompt}/{@code confirm}, rich {@code
 * Prompt|Confirm|IntPrompt|FloatPrompt.ask}, and any call into questionary, inquirer, InquirerPy or
 * pick. An option's own {@code prompt=} fallback is not a call and never counts, nor is its
 * hand-written forms ({@code if opts.password is None: opts.password = getpass.getpass()}, or
 * {@code code = self.get_param("twofactor")}, {@code if code is not None: return code}, then {@code
 * return getpass.getpass()}).
 */
final class Prompts {

  /** One prompt call; {@code readsStdin} for click/typer prompts, which read piped input. */
  record Prompt(String path, int line, String callee, boolean readsStdin) {}

  static final Fact<List<Prompt>> FACT =
      Fact.of(
          "tui.prompts",
          facts -> {
            List<Prompt> prompts = new ArrayList<>();
            PythonCodebase codebase = PythonCodebase.of(facts);
            for (PythonModule module : codebase.productModules()) {
              for (Call call : module.calls()) {
                if (isPrompt(module, call) && !optionFallback(codebase, module, call.line())) {
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

  /**
   * A hand-written option fallback, the same as an option's own {@code prompt=}: the prompt's
   * answer goes to {@code target} ({@code opts.password = getpass.getpass(...)}) under an {@code
   * if} that tests that very {@code target} for being unset ({@code if opts.password is None},
   * {@code if not opts.password}), so the option supplies the answer and the prompt runs only
   * without it.
   */
  private static boolean optionFallback(PythonCodebase codebase, PythonModule module, int line) {
    Optional<Tokens> tokens = codebase.tokens(module.path());
    if (tokens.isEmpty()) {
      return false;
    }
    Tokens t = tokens.get();
    LogicalLines lines = LogicalLines.of(t);
    int index = lines.at(line);
    if (index < 0) {
      return false;
    }
    int current = lines.start(index);
    if (t.is(current, "return")) {
      return returnsOptionFirst(t, lines, index);
    }
    String target = assignedTarget(t, current);
    if (target == null || !target.contains(".")) {
      return false;
    }
    for (int header : lines.enclosingHeaders(index)) {
      if (t.is(header, "def") || t.is(header, "class") || t.is(header, "async")) {
        return false;
      }
      if ((t.is(header, "if") || t.is(header, "elif")) && testsUnset(t, header, target)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code return <prompt>} after, in the same block, {@code name = <...>.get_param(...)} (a call
   * whose name holds {@code param} or {@code option}) and {@code if name is not None: return name}
   * (or {@code if name: return name}): the option's value, when given, is the answer.
   */
  private static boolean returnsOptionFirst(Tokens t, LogicalLines lines, int index) {
    int column = t.column(lines.start(index));
    String returned = null;
    for (int k = index - 1; k >= 0; k--) {
      int start = lines.start(k);
      if (t.column(start) < column) {
        return false;
      }
      if (t.column(start) > column) {
        continue;
      }
      if (returned == null) {
        if (!t.is(start, "if")) {
          return false;
        }
        String name = t.text(start + 1);
        boolean guard =
            t.isName(start + 1)
                && (t.isOp(start + 2, ':')
                    || (t.is(start + 2, "is")
                        && t.is(start + 3, "not")
                        && t.is(start + 4, "None")
                        && t.isOp(start + 5, ':')));
        if (!guard || k + 1 >= lines.count()) {
          return false;
        }
        int body = lines.start(k + 1);
        if (!(t.is(body, "return") && t.is(body + 1, name))) {
          return false;
        }
        returned = name;
      } else if (t.is(start, returned) && t.is(start + 1, "=")) {
        for (int i = start + 2; i < t.size() && !t.isKind(i, TokenKind.NEWLINE); i++) {
          String word = t.text(i);
          if (t.isName(i)
              && t.isOp(i + 1, '(')
              && (word.contains("param") || word.contains("option"))) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The dotted name a statement assigns ({@code a.b = ...}), or null. */
  private static String assignedTarget(Tokens t, int start) {
    StringBuilder target = new StringBuilder();
    int i = start;
    while (t.isName(i) || t.isOp(i, '.')) {
      target.append(t.text(i));
      i++;
    }
    return target.length() > 0 && t.is(i, "=") ? target.toString() : null;
  }

  /** Whether the header's condition holds {@code target is None} or {@code not target}. */
  private static boolean testsUnset(Tokens t, int header, String target) {
    List<String> words = new ArrayList<>();
    for (int i = header; i < t.size() && !t.isKind(i, TokenKind.NEWLINE) && !t.isOp(i, ':'); i++) {
      if (!t.isTrivia(i)) {
        words.add(t.text(i));
      }
    }
    // Rejoin dotted names so that opts . password reads as opts.password.
    List<String> joined = new ArrayList<>();
    for (String word : words) {
      int last = joined.size() - 1;
      if (last >= 0 && (word.equals(".") || joined.get(last).endsWith("."))) {
        joined.set(last, joined.get(last) + word);
      } else {
        joined.add(word);
      }
    }
    for (int i = 0; i < joined.size(); i++) {
      if (!joined.get(i).equals(target)) {
        continue;
      }
      boolean isNone =
          i + 2 < joined.size()
              && joined.get(i + 1).equals("is")
              && joined.get(i + 2).equals("None");
      boolean negated = i > 0 && joined.get(i - 1).equals("not");
      if (isNone || negated) {
        return true;
      }
    }
    return false;
  }

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
