package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.ExceptHandler;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-OBS-047 (assisted): the same exception is not logged again at other layers. A finding per
 * except-handler that logs the caught exception at ERROR or above ({@code logger.exception}, {@code
 * error(..., exc_info=True)}, {@code error(e)}, {@code critical}) and then re-raises it unchanged
 * ({@code raise} or {@code raise <name>}, read on the token stream after the log call). A log that
 * adds new information cannot be told apart, so the finding is a candidate for review.
 */
public final class LoggedAndReraised implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-047",
              Set.of(Profile.PYTHON),
              "Either handle and log an exception, or re-raise it: let the outermost layer log it"
                  + " once at ERROR (or wrap it with context: raise NewError(...) from e).")
          .defined(
              "FAIL per except-handler in product code that logs the caught exception at ERROR"
                  + " (logger.exception, exc_info=True, the exception as an argument) and then"
                  + " re-raises it unchanged (raise, raise e) on a path after the log (a raise in"
                  + " another branch of the if/try holding the log, or after a return or another"
                  + " raise on its path, does not count; nor does raise e once the handler has"
                  + " bound e to a new exception); NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    LogEvents events = context.fact(LogEvents.FACT);
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    return ProductCode.outcome(context, module -> findings(codebase, module, events));
  }

  private static List<Evidence> findings(
      PythonCodebase codebase, PythonModule module, LogEvents events) {
    List<HandlerLogs.Logged> candidates =
        HandlerLogs.of(module, events).stream()
            .filter(l -> l.site().severe() && l.recordsException())
            .toList();
    if (candidates.isEmpty()) {
      return List.of();
    }
    Tokens tokens = codebase.tokens(module.path()).orElse(null);
    if (tokens == null) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    Set<ExceptHandler> reported = new HashSet<>();
    for (HandlerLogs.Logged logged : candidates) {
      ExceptHandler handler = logged.handler();
      if (!reported.contains(handler)
          && reraises(tokens, module, handler, logged.site().call().line())) {
        reported.add(handler);
        findings.add(
            logged
                .site()
                .at(
                    "the exception is logged at "
                        + logged.site().level().toUpperCase(Locale.ROOT)
                        + " and re-raised unchanged: it will be logged again upstream"));
      }
    }
    return findings;
  }

  /** The first token on a line after {@code line} (binary search: lines only grow). */
  static int firstTokenAfter(Tokens t, int line) {
    int low = 0;
    int high = t.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (t.line(mid) <= line) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * A bare {@code raise} or {@code raise <as-name>} statement in the handler after {@code from}.
   */
  private static boolean reraises(Tokens t, PythonModule module, ExceptHandler handler, int from) {
    for (int i = firstTokenAfter(t, from); i < t.size() && t.line(i) <= handler.lastLine(); i++) {
      int line = t.line(i);
      if (!t.is(i, "raise")) {
        continue;
      }
      if (HandlerLogs.innermost(module, line).filter(handler::equals).isEmpty()) {
        continue;
      }
      int next = t.skipTrivia(i + 1);
      boolean bare =
          next >= t.size()
              || t.kind(next) == TokenKind.NEWLINE
              || t.kind(next) == TokenKind.ENDMARKER
              || t.isOp(next, ';');
      boolean same =
          !handler.name().isEmpty()
              && t.is(next, handler.name())
              && (t.kind(t.skipTrivia(next + 1)) == TokenKind.NEWLINE
                  || t.kind(t.skipTrivia(next + 1)) == TokenKind.ENDMARKER);
      if ((bare || (same && !rebound(t, handler, i))) && reachable(t, from, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the handler assigns its {@code as} name ({@code error = NewError(...)}) before the
   * token {@code until}: {@code raise error} then raises the new object, not the caught one.
   */
  private static boolean rebound(Tokens t, ExceptHandler handler, int until) {
    for (int i = firstTokenAfter(t, handler.line()); i < until; i++) {
      if (t.is(i, handler.name())) {
        int next = t.skipTrivia(i + 1);
        if (next < until && t.isOp(next, '=')) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> BRANCHES = Set.of("elif", "else", "except");

  /**
   * Whether the statement at token {@code target} can run after the log statement on line {@code
   * from}: it does not sit in another branch of an {@code if}/{@code try} that holds the log
   * ({@code if full: log(...) else: raise}), and no {@code return} on the log's own path comes
   * first. Read on the statements' indentation, from the log statement to the target.
   */
  static boolean reachable(Tokens t, int from, int target) {
    int log = firstTokenAfter(t, from - 1);
    while (log < target
        && (t.isTrivia(log)
            || t.kind(log) == TokenKind.INDENT
            || t.kind(log) == TokenKind.DEDENT)) {
      log++;
    }
    int floor = t.column(log);
    int sibling = -1;
    int i = log;
    // Skip the rest of the log statement, which may span lines.
    while (i < target && t.kind(i) != TokenKind.NEWLINE) {
      i++;
    }
    boolean start = true;
    for (; i <= target && i < t.size(); i++) {
      TokenKind kind = t.kind(i);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
        start = true;
        continue;
      }
      if (t.isTrivia(i) || kind == TokenKind.ENDMARKER || !start) {
        continue;
      }
      start = false;
      int column = t.column(i);
      boolean branch = BRANCHES.contains(t.text(i));
      if (sibling >= 0) {
        if (column > sibling || branch) {
          continue;
        }
        // The compound statement holding the log is over: its continuation runs again.
        sibling = -1;
        floor = column;
      }
      if (branch && column < floor) {
        sibling = column;
        continue;
      }
      floor = Math.min(floor, column);
      if (i < target && (t.is(i, "return") || t.is(i, "raise")) && column == floor) {
        return false;
      }
    }
    return sibling < 0;
  }
}
