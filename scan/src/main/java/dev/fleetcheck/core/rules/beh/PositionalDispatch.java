package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-002 (assisted): behaviours chosen by a positional word instead of subcommands. (a) An
 * argparse positional named {@code command}, {@code cmd}, {@code action}, {@code mode}, {@code
 * operation}, {@code op}, {@code task}, {@code verb} or {@code subcommand} with {@code choices=},
 * or a click argument of that name typed {@code click.Choice}; (b) {@code sys.argv[N]} compared
 * with a string literal on one logical line ({@code ==}, {@code !=}, {@code in}) or used as a
 * {@code match} subject. typer enum parameters are not read.
 */
public final class PositionalDispatch implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-002",
              Set.of(Profile.CLI),
              "Give each behaviour its own subcommand (argparse add_subparsers, click groups, typer"
                  + " commands) instead of a positional 'command' argument or sys.argv checks.")
          .defined(
              "FAIL per argparse positional named command/cmd/action/mode/operation/op/task/verb/"
                  + "subcommand with choices=, per click argument of such a name typed"
                  + " click.Choice, and per sys.argv[N] compared with a string literal or used as a"
                  + " match subject in CLI code. Narrowed: a literal starting with '-'"
                  + " (sys.argv[1] == '-c') is an option being checked, not a behaviour, and does"
                  + " not count. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> DECLARING_NAMES = Set.of("add_argument", "argument");
  private static final Set<String> DISPATCH_NAMES =
      Set.of("command", "cmd", "action", "mode", "operation", "op", "task", "verb", "subcommand");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, PositionalDispatch::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    // A choice-taking call's last name (add_argument, argument) and an import of sys are spelled.
    List<Call> calls = module.mentionsAny(DECLARING_NAMES) ? module.calls() : List.of();
    for (Call call : calls) {
      if (call.positional().isEmpty()
          || !(call.positional().get(0) instanceof PyValue.Str first)
          || !DISPATCH_NAMES.contains(first.value())) {
        continue;
      }
      Optional<String> name = Optional.of(first.value());
      boolean argparse = call.name().equals("add_argument") && call.hasKeyword("choices");
      boolean click =
          call.callee().endsWith("click.argument")
              && call.keyword("type")
                  .filter(v -> v instanceof PyValue.Expr e && e.text().contains("Choice("))
                  .isPresent();
      if (argparse || click) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "positional argument '"
                    + name.get()
                    + "' with fixed choices selects behaviours: make them subcommands"));
      }
    }
    boolean readsArgv =
        module.mentions("sys")
            && (module.imports().values().stream().anyMatch(v -> v.equals("sys.argv"))
                || (module.imports().values().stream().anyMatch(v -> v.equals("sys"))
                    && entryPoint(module)));
    Optional<String> text = readsArgv ? codebase.text(module.path()) : Optional.empty();
    if (text.isPresent() && text.get().contains("argv[")) {
      // The codebase keeps each file's tokens from its analysis.
      codebase
          .tokens(module.path())
          .ifPresent(
              t -> {
                for (int line : argvDispatch(t)) {
                  findings.add(
                      Evidence.at(
                          module.path(),
                          line,
                          "sys.argv compared with a literal selects behaviours: make them"
                              + " subcommands"));
                }
              });
    }
    findings.sort(null);
    return findings;
  }

  /**
   * A module that looks like a command's entry point, the only place argv dispatch is likely: it
   * exits, defines {@code main}, or is named {@code __main__.py}, {@code cli.py} or {@code main.py}
   * (so that not every module importing sys is read again).
   */
  private static boolean entryPoint(PythonModule module) {
    String name = module.fileName();
    return name.equals("__main__.py")
        || name.equals("cli.py")
        || name.equals("main.py")
        || module.functions().stream().anyMatch(f -> f.name().equals("main"))
        || module.calls().stream().anyMatch(c -> c.callee().equals("sys.exit"));
  }

  /**
   * Lines where {@code argv[N]} meets a string literal and a comparison, or a match. A literal that
   * starts with {@code -} ({@code sys.argv[1] == '-c'}) is an option being checked, not a behaviour
   * being chosen, and does not count.
   */
  static List<Integer> argvDispatch(Tokens t) {
    List<Integer> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.isKind(i, TokenKind.NEWLINE)) {
        start = i + 1;
        continue;
      }
      if (!(t.isName(i)
          && t.is(i, "argv")
          && t.isOp(i + 1, '[')
          && t.isKind(i + 2, TokenKind.NUMBER))) {
        continue;
      }
      int end = i;
      while (end < t.size() && !t.isKind(end, TokenKind.NEWLINE)) {
        end++;
      }
      int first = t.skipTrivia(start);
      while (t.isKind(first, TokenKind.INDENT) || t.isKind(first, TokenKind.DEDENT)) {
        first++;
      }
      boolean match = t.is(first, "match");
      boolean compares = false;
      boolean literal = false;
      for (int j = start; j < end; j++) {
        compares |= t.is(j, "==") || t.is(j, "!=") || t.is(j, "in");
        String value = t.stringValue(j);
        literal |= t.isKind(j, TokenKind.STRING) && (value == null || !value.startsWith("-"));
      }
      if (match || (compares && literal)) {
        lines.add(t.line(i));
      }
      i = end - 1;
    }
    return lines;
  }
}
