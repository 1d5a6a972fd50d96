package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-BEH-011 (assisted): Ctrl-C swallowed by CLI code. (a) An except clause catching {@code
 * KeyboardInterrupt} (alone or in a tuple), bare {@code except:} or {@code BaseException} whose
 * body neither raises nor exits ({@code raise}, {@code sys.exit}, {@code exit}, {@code quit},
 * {@code os._exit}, {@code SystemExit}); an explicit {@code KeyboardInterrupt} clause that {@code
 * return}s or {@code break}s stops on purpose and is not a finding; {@code __del__}/{@code
 * __exit__} are exempt. (b) {@code signal.signal(signal.SIGINT, signal.SIG_IGN)} or a SIGINT
 * handler defined in the module whose body is only {@code pass}. The token stream is read only for
 * modules whose handlers or calls chose them.
 */
public final class SwallowedInterrupts implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-011",
              Set.of(Profile.CLI),
              "Let Ctrl-C stop the command: catch KeyboardInterrupt only to clean up, then re-raise"
                  + " or sys.exit(130); never catch it with a bare except or ignore SIGINT.")
          .defined(
              "FAIL per except clause in CLI code catching KeyboardInterrupt, bare `except:` or"
                  + " BaseException whose body neither raises nor exits (an explicit"
                  + " KeyboardInterrupt clause may return or break; __del__/__exit__ exempt), and"
                  + " per signal.signal(SIGINT, SIG_IGN) or SIGINT handler whose body is only"
                  + " `pass`. Narrowed: a clause that keeps the caught exception to raise it later"
                  + " (stores or returns it as is, outcome = Error(exc), result.error = e, or hands"
                  + " it to set_exception/throw) does not swallow it, and neither does one whose"
                  + " try statement is followed by a raise or exit (an explicit KeyboardInterrupt"
                  + " clause that only reports also by a return or the function's end outside a loop,"
                  + " or by an exit"
                  + " or return passing on an exit status the clause set: exit_code = 99 ..."
                  + " sys.exit(exit_code)). NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Pattern AS_NAME = Pattern.compile("\\s+as\\s+(\\w+)\\s*$");
  private static final Set<String> CLEAN_UP = Set.of("__del__", "__exit__", "__aexit__");
  private static final Set<String> STOPS =
      Set.of("raise", "exit", "quit", "_exit", "SystemExit", "abort");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, SwallowedInterrupts::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    List<Call> sigints =
        module.calls().stream()
            .filter(c -> c.callee().equals("signal.signal") && c.positional().size() == 2)
            .filter(
                c ->
                    c.positional().get(0) instanceof PyValue.Name n
                        && n.dotted().endsWith("SIGINT"))
            .toList();
    // The text is decoded once, for the cheap test and then for the tokens (codebase.tokens
    // would decode it again).
    Optional<String> text = Optional.empty();
    boolean candidateHandler = false;
    if (module.exceptHandlers().stream().anyMatch(h -> !CLEAN_UP.contains(h.function()))) {
      text = codebase.text(module.path());
      candidateHandler = mayCatchInterrupt(text.orElse(""));
    }
    if (sigints.isEmpty() && !candidateHandler) {
      return List.of();
    }
    if (text.isEmpty()) {
      text = codebase.text(module.path());
    }
    // The codebase keeps each file's blocks from its analysis.
    Optional<Blocks> kept = text.isEmpty() ? Optional.empty() : codebase.blocks(module.path());
    if (kept.isEmpty()) {
      return List.of();
    }
    Blocks blocks = kept.get();
    List<Evidence> findings = new ArrayList<>();
    for (Blocks.Block block : blocks.of(Blocks.Kind.EXCEPT)) {
      Optional<String> caught = interruptCatcher(block.name());
      if (caught.isEmpty() || exempt(blocks, block)) {
        continue;
      }
      boolean explicit = caught.get().equals("KeyboardInterrupt");
      if (!stops(blocks.tokens(), block, explicit) && !stopsAfter(blocks, block, explicit)) {
        findings.add(
            Evidence.at(
                module.path(),
                block.line(),
                "except "
                    + caught.get()
                    + " swallows Ctrl-C: the body neither re-raises nor exits"));
      }
    }
    for (Call call : sigints) {
      PyValue handler = call.positional().get(1);
      if (handler instanceof PyValue.Name name
          && (name.dotted().endsWith("SIG_IGN") || passOnly(blocks, name.dotted()))) {
        findings.add(
            Evidence.at(
                module.path(), call.line(), "SIGINT is ignored: Ctrl-C cannot stop the command"));
      }
    }
    findings.sort(null);
    return findings;
  }

  /**
   * Whether an except clause may catch Ctrl-C, read from the text (cheaper than tokens, which only
   * the chosen modules get): a bare except, BaseException or KeyboardInterrupt.
   */
  private static boolean mayCatchInterrupt(String text) {
    return text.contains("KeyboardInterrupt")
        || text.contains("BaseException")
        || hasBareExcept(text);
  }

  /**
   * Whether {@code (?m)^\s*except\s*:} finds a match, by looking at each {@code except} instead of
   * trying the expression at every offset. The blanks before it (which may span lines) must reach
   * back to a line start: the text's start, a line end among them, or a line terminator that is not
   * a blank (NEL, LS, PS) right before them.
   */
  static boolean hasBareExcept(String text) {
    for (int at = text.indexOf("except"); at >= 0; at = text.indexOf("except", at + 1)) {
      if (afterLineStart(text, at) && colonFollows(text, at + "except".length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterLineStart(String text, int at) {
    int start = at;
    boolean lineEnd = false;
    while (start > 0 && isBlank(text.charAt(start - 1))) {
      char c = text.charAt(--start);
      lineEnd |= c == '\n' || c == '\r';
    }
    if (lineEnd || start == 0) {
      return true;
    }
    char before = text.charAt(start - 1);
    return before == '\u0085' || before == '\u2028' || before == '\u2029';
  }

  private static boolean colonFollows(String text, int from) {
    int i = from;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':';
  }

  /** The characters of {@code \s} in a Java regular expression. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** What the clause catches that includes Ctrl-C: "bare", "BaseException" or the exception. */
  private static Optional<String> interruptCatcher(String clause) {
    String types = clause.replaceFirst("\\s+as\\s+\\w+\\s*$", "");
    if (types.isBlank()) {
      return Optional.of("(bare)");
    }
    for (String word : types.split("[^A-Za-z0-9_]+")) {
      if (word.equals("KeyboardInterrupt") || word.equals("BaseException")) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  private static boolean exempt(Blocks blocks, Blocks.Block block) {
    return blocks.enclosingDef(block.line()).map(d -> CLEAN_UP.contains(d.name())).orElse(false);
  }

  private static boolean stops(Tokens t, Blocks.Block block, boolean explicit) {
    Matcher as = AS_NAME.matcher(block.name());
    String caught = as.find() ? as.group(1) : null;
    boolean statementStart = true;
    int statementDepth = 0;
    boolean value = false; // after the statement's `=` or `return`: the code hands on a value
    for (int i = block.firstToken(); i <= block.lastToken(); i++) {
      if (t.isTrivia(i)) {
        continue;
      }
      TokenKind kind = t.kind(i);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
        statementStart = true;
        value = false;
        continue;
      }
      if (statementStart) {
        statementStart = false;
        statementDepth = t.depth(i);
      }
      if (t.isOp(i, '=') && t.depth(i) == statementDepth) {
        value = true;
        continue;
      }
      if (!t.isName(i)) {
        continue;
      }
      String text = t.text(i);
      if (STOPS.contains(text)
          || text.endsWith("_exit")
          || (explicit && (text.equals("return") || text.equals("break")))) {
        return true;
      }
      if (text.equals("return")) {
        value = true;
      } else if (caught != null && text.equals(caught) && handsOn(t, i, value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the caught exception at token {@code i} is kept to be raised later: stored or returned
   * as is ({@code outcome = Error(exc)}, {@code result.error = e}, {@code return e}), or handed to
   * {@code set_exception}/{@code throw}; its text ({@code str(e)}) or an attribute ({@code e.code})
   * is not the exception.
   */
  private static boolean handsOn(Tokens t, int i, boolean value) {
    int next = t.skipTrivia(i + 1);
    if (t.isOp(next, '.') && !t.is(t.skipTrivia(next + 1), "with_traceback")) {
      return false;
    }
    int open = t.skipTriviaBack(i - 1);
    if (t.isOp(open, '(')) {
      int callee = t.skipTriviaBack(open - 1);
      if (t.is(callee, "set_exception") || t.is(callee, "throw")) {
        return true;
      }
      if (t.is(callee, "str") || t.is(callee, "repr") || t.is(callee, "format")) {
        return false;
      }
    }
    return value;
  }

  /**
   * Whether the command stops right after the try statement the clause belongs to: the next
   * statement raises or exits (for an explicit KeyboardInterrupt clause also returns, or the
   * function ends there outside any loop), or an explicit clause sets a name that a later exit or
   * {@code return} of the function passes on as the exit status ({@code exit_code = 130} ... {@code
   * sys.exit(exit_code)}).
   */
  private static boolean stopsAfter(Blocks blocks, Blocks.Block block, boolean explicit) {
    Tokens t = blocks.tokens();
    int clause = -1;
    for (int i = block.firstToken(); i >= 0 && t.line(i) >= block.line(); i--) {
      if (t.line(i) == block.line() && t.is(i, "except") && t.isName(i)) {
        clause = i;
      }
    }
    if (clause < 0) {
      return false;
    }
    Optional<Blocks.Block> def = blocks.enclosingDef(block.line());
    int limit = def.map(Blocks.Block::lastToken).orElse(t.size() - 1);
    int loopColumn = enclosingLoopColumn(t, clause, def.map(Blocks.Block::line).orElse(0));
    int column = t.column(clause);
    int next = -1;
    for (int i = block.lastToken() + 1; i <= limit && i < t.size(); i++) {
      if (!lineStart(t, i) || t.column(i) > column) {
        continue;
      }
      if (t.isName(i)
          && (t.is(i, "except") || t.is(i, "else") || t.is(i, "finally") || t.is(i, "elif"))) {
        column = t.column(i);
        continue;
      }
      next = i;
      break;
    }
    boolean quiet = explicit && quietBody(t, block);
    if (next < 0) {
      return quiet && loopColumn < 0;
    }
    if (t.column(next) > loopColumn && stopStatement(t, next, quiet)) {
      return true;
    }
    return explicit && exitStatusKept(t, block, limit);
  }

  /**
   * Whether the clause's body only reports the interrupt: each statement an assignment, {@code
   * pass}, a compound header, or a call of print/write/flush or a log or display method; a body
   * that carries on working ({@code self.cmdloop()}) is not.
   */
  private static boolean quietBody(Tokens t, Blocks.Block block) {
    boolean start = true;
    for (int i = block.firstToken(); i <= block.lastToken(); i++) {
      if (t.isTrivia(i)
          || t.isKind(i, TokenKind.INDENT)
          || t.isKind(i, TokenKind.DEDENT)
          || t.isKind(i, TokenKind.NEWLINE)) {
        start |= !t.isTrivia(i);
        continue;
      }
      if (!start) {
        continue;
      }
      start = false;
      if (t.isName(i) && HEADERS.contains(t.text(i))) {
        int colon = i;
        while (colon <= block.lastToken()
            && !(t.isOp(colon, ':') && t.depth(colon) == t.depth(i))) {
          colon++;
        }
        i = colon;
        start = true;
        continue;
      }
      int j = i;
      while (t.isName(j) && t.isOp(j + 1, '.')) {
        j += 2;
      }
      if (t.isName(j) && t.isOp(j + 1, '(')) {
        if (!QUIET.contains(t.text(j))) {
          return false;
        }
      } else if (!t.is(i, "pass") && !assignment(t, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean assignment(Tokens t, int i) {
    for (int j = i; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
      if (t.depth(j) == t.depth(i) && (t.is(j, "=") || t.is(j, "+="))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> HEADERS =
      Set.of("try", "except", "finally", "else", "if", "elif", "with");
  private static final Set<String> QUIET =
      Set.of(
          "print",
          "write",
          "flush",
          "debug",
          "info",
          "warning",
          "warn",
          "error",
          "exception",
          "critical",
          "log",
          "display",
          "echo",
          "secho");

  /** The column of the innermost for/while loop around token {@code at} within its def, or -1. */
  private static int enclosingLoopColumn(Tokens t, int at, int defLine) {
    int column = t.column(at);
    for (int i = at - 1; i >= 0 && t.line(i) > defLine; i--) {
      if (lineStart(t, i) && t.column(i) < column) {
        column = t.column(i);
        if (t.is(i, "for") || t.is(i, "while") || t.is(i, "async")) {
          return column;
        }
      }
    }
    return -1;
  }

  private static boolean lineStart(Tokens t, int i) {
    if (t.isTrivia(i)
        || t.isKind(i, TokenKind.NEWLINE)
        || t.isKind(i, TokenKind.INDENT)
        || t.isKind(i, TokenKind.DEDENT)
        || t.isKind(i, TokenKind.ENDMARKER)) {
      return false;
    }
    return t.startsStatement(i);
  }

  /** Whether the logical line starting at {@code i} raises or exits (or returns, if allowed). */
  private static boolean stopStatement(Tokens t, int i, boolean returns) {
    if (t.is(i, "raise") || (returns && t.is(i, "return"))) {
      return true;
    }
    for (int j = i; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
      if (t.isOp(j, '(') && stopName(t, t.skipTriviaBack(j - 1))) {
        return true;
      }
      if (!t.isName(j) && !t.isOp(j, '.') && !t.isOp(j, '(')) {
        return false;
      }
    }
    return false;
  }

  private static boolean stopName(Tokens t, int i) {
    return t.isName(i) && (STOPS.contains(t.text(i)) || t.text(i).endsWith("_exit"));
  }

  /**
   * Whether a name the clause assigns ({@code exit_code = 99}) is passed on by a later {@code
   * return} or exit call of the function ({@code sys.exit(exit_code)}, {@code return rc.value}).
   */
  private static boolean exitStatusKept(Tokens t, Blocks.Block block, int limit) {
    Set<String> assigned = new java.util.HashSet<>();
    for (int i = block.firstToken(); i <= block.lastToken(); i++) {
      if (t.isName(i) && t.isOp(t.skipTrivia(i + 1), '=') && lineStart(t, i)) {
        assigned.add(t.text(i));
      }
    }
    if (assigned.isEmpty()) {
      return false;
    }
    for (int i = block.lastToken() + 1; i <= limit && i < t.size(); i++) {
      if (!lineStart(t, i)) {
        continue;
      }
      boolean stop = t.is(i, "return") || stopStatement(t, i, false);
      for (int j = i + 1; stop && j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
        if (t.isName(j) && assigned.contains(t.text(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean passOnly(Blocks blocks, String function) {
    for (Blocks.Block def : blocks.of(Blocks.Kind.DEF)) {
      if (def.name().equals(function)) {
        return blocks.bodyText(def).strip().equals("pass");
      }
    }
    return false;
  }
}
