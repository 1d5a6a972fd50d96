package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-IO-004 (assisted): directory listings iterated or returned in the file system's order. A
 * listing is judged where it is written: the iterable of a {@code for} statement or comprehension,
 * or the value of {@code return}. Wrapping it in {@code sorted(...)}, or a comprehension inside
 * {@code sorted}, {@code any}, {@code all}, {@code len}, {@code set}, {@code sum}, {@code min},
 * {@code max}, is ordered or order-free, and so is a comprehension only tested for truth and a
 * {@code for} loop whose body only deletes, copies or re-owns each entry or searches for one by
 * exact name. {@code os.walk} counts only when the module never calls {@code .sort()}. Modules with
 * a candidate are tokenized again.
 */
public final class UnsortedListings implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-IO-004",
              Set.of(Profile.PYTHON),
              "Sort directory listings before using them (sorted(os.listdir(d)),"
                  + " sorted(path.glob(...)), dirs.sort() in os.walk) so output does not depend on"
                  + " the file system.")
          .defined(
              "FAIL per os.listdir, os.scandir, glob.glob|iglob, Path.glob|rglob|iterdir or"
                  + " os.walk (when the module never calls .sort()) used unsorted as a for or"
                  + " comprehension iterable or returned, in product code; inside sorted, any, all,"
                  + " len, set, sum, min or max exempt. Else MANUAL. NOT_APPLICABLE without"
                  + " product code. Narrowed: a listing whose order cannot show is exempt like"
                  + " those: a comprehension only tested for truth (if not f(... for p in"
                  + " listing)), and a for loop whose body only deletes, copies or changes the"
                  + " owner or mode of each entry (os.unlink, shutil.rmtree, os.chown,"
                  + " shutil.copyfile, a *cleanup* call) or searches (returns True, False or"
                  + " None, or the entry under an == test), with nothing else but compound"
                  + " headers, continue, pass and assignments to plain names.",
              Effort.LOW);

  private static final Set<String> LISTINGS =
      Set.of("os.listdir", "os.scandir", "glob.glob", "glob.iglob", "os.walk");
  private static final Set<String> PATH_LISTINGS = Set.of("glob", "rglob", "iterdir");
  private static final Set<String> LISTING_NAMES =
      Set.of("listdir", "scandir", "glob", "iglob", "walk", "rglob", "iterdir");
  private static final Set<String> ORDER_FREE =
      Set.of("sorted", "any", "all", "len", "set", "frozenset", "sum", "min", "max");

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
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // A listing call's last name is one of these, spelled in the module's code.
      if (!module.mentionsAny(LISTING_NAMES)) {
        continue;
      }
      List<Call> listings = new ArrayList<>();
      for (Call call : module.calls()) {
        if (listing(call)) {
          listings.add(call);
        }
      }
      if (listings.stream().anyMatch(c -> c.callee().equals("os.walk")) && sorts(module)) {
        listings.removeIf(c -> c.callee().equals("os.walk"));
      }
      if (listings.isEmpty()) {
        continue;
      }
      Optional<Tokens> tokens = codebase.tokens(module.path());
      if (tokens.isEmpty()) {
        continue;
      }
      for (Call call : listings) {
        int at = tokenAt(tokens.get(), call);
        if (at >= 0 && unordered(tokens.get(), chainStart(tokens.get(), at))) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written() + "(...) is used in file-system order: sort it"));
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean sorts(PythonModule module) {
    for (Call call : module.calls()) {
      if (call.callee().endsWith("sort") && call.name().equals("sort")) {
        return true;
      }
    }
    return false;
  }

  private static boolean listing(Call call) {
    String callee = call.callee();
    return LISTINGS.contains(callee)
        || ((callee.endsWith("glob") || callee.endsWith("iterdir")) // every PATH_LISTINGS name
            && PATH_LISTINGS.contains(call.name())
            && !call.receiver().isEmpty()
            && !call.receiver().equals("glob"));
  }

  private static int tokenAt(Tokens t, Call call) {
    for (int i = 0; i < t.size(); i++) {
      if (t.line(i) == call.line() && t.column(i) == call.column()) {
        return i;
      }
    }
    return -1;
  }

  /** The first token of a chain {@code a.b(x).c}, given the token of its last name. */
  private static int chainStart(Tokens t, int i) {
    int start = i;
    while (true) {
      int before = t.skipTriviaBack(start - 1);
      if (before < 0) {
        return start;
      }
      if (t.isOp(before, '.')) {
        int previous = t.skipTriviaBack(before - 1);
        if (previous >= 0 && (t.isOp(previous, ')') || t.isOp(previous, ']'))) {
          int open = t.match(previous);
          int name = t.skipTriviaBack(open - 1);
          start = name >= 0 && t.isName(name) ? name : open;
        } else if (previous >= 0 && t.isName(previous)) {
          start = previous;
        } else {
          return start;
        }
      } else {
        return start;
      }
    }
  }

  private static boolean unordered(Tokens t, int start) {
    int before = t.skipTriviaBack(start - 1);
    if (before < 0) {
      return false;
    }
    if (t.is(before, "return") && t.isName(before)) {
      return true;
    }
    if (!t.is(before, "in") || !t.isName(before)) {
      return false;
    }
    int forToken = forOf(t, before);
    if (forToken < 0) {
      return false;
    }
    int depth = t.depth(forToken);
    if (depth == 0) {
      return !orderFreeBody(t, forToken, before);
    }
    int open = openingBracket(t, forToken);
    while (open >= 0) {
      int outer = t.skipTriviaBack(open - 1);
      if (outer >= 0 && t.isName(outer)) {
        return !ORDER_FREE.contains(t.text(outer))
            && !truthValue(t, outer, t.match(open))
            && !truthValue(t, open, t.match(open));
      }
      boolean wrapped = outer >= 0 && t.isOp(outer, '(') && t.match(outer) == t.match(open) + 1;
      if (!wrapped && truthValue(t, open, t.match(open))) {
        return false;
      }
      open = wrapped ? outer : -1;
    }
    return true;
  }

  /**
   * Whether the expression from token {@code first} to {@code last} is only tested for truth: the
   * operand of {@code not}, or the whole condition of an {@code if}, {@code elif} or {@code while}.
   */
  private static boolean truthValue(Tokens t, int first, int last) {
    if (last < 0) {
      return false;
    }
    int before = t.skipTriviaBack(first - 1);
    if (before >= 0 && t.isName(before) && t.is(before, "not")) {
      return true;
    }
    int after = t.skipTrivia(last + 1);
    return before >= 0
        && t.isName(before)
        && (t.is(before, "if") || t.is(before, "elif") || t.is(before, "while"))
        && t.depth(before) == t.depth(first)
        && t.isOp(after, ':');
  }

  /**
   * Whether the body of the {@code for} statement at {@code forToken} cannot depend on the order it
   * visits the entries in: it only deletes, copies or changes ownership or mode of each entry
   * (calls such as {@code os.unlink}, {@code shutil.rmtree}, {@code os.chown}, {@code
   * shutil.copyfile}, a project's {@code try_cleanup}), or it is a search returning {@code
   * True}/{@code False}/{@code None}, or the entry under an {@code ==} test. Besides those, only
   * compound headers, {@code continue}, {@code pass} and assignments to plain names may appear.
   */
  private static boolean orderFreeBody(Tokens t, int forToken, int in) {
    Set<String> targets = new HashSet<>();
    for (int j = forToken + 1; j < in; j++) {
      if (t.isName(j)) {
        targets.add(t.text(j));
      }
    }
    int colon = -1;
    for (int j = in + 1; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
      if (t.isOp(j, ':') && t.depth(j) == 0) {
        colon = j;
        break;
      }
    }
    if (colon < 0) {
      return false;
    }
    int end = bodyEnd(t, colon);
    BodyState state = new BodyState(targets);
    List<Integer> line = new ArrayList<>();
    for (int j = colon + 1; j < end; j++) {
      if (t.isKind(j, TokenKind.NEWLINE)) {
        if (!line.isEmpty() && !state.accept(t, line, 0)) {
          return false;
        }
        line.clear();
      } else if (!t.isTrivia(j)
          && !t.isKind(j, TokenKind.INDENT)
          && !t.isKind(j, TokenKind.DEDENT)) {
        line.add(j);
      }
    }
    if (!line.isEmpty() && !state.accept(t, line, 0)) {
      return false;
    }
    return state.orderFree;
  }

  /** The token after the body that the compound-statement colon at {@code colon} opens. */
  private static int bodyEnd(Tokens t, int colon) {
    int j = t.skipTrivia(colon + 1);
    if (!t.isKind(j, TokenKind.NEWLINE)) {
      while (j < t.size() && !t.isKind(j, TokenKind.NEWLINE)) {
        j++;
      }
      return j + 1;
    }
    int level = 0;
    for (j = j + 1; j < t.size(); j++) {
      if (t.isKind(j, TokenKind.INDENT)) {
        level++;
      } else if (t.isKind(j, TokenKind.DEDENT)) {
        level--;
        if (level <= 0) {
          return j;
        }
      } else if (t.isKind(j, TokenKind.ENDMARKER)) {
        return j;
      }
    }
    return t.size();
  }

  /** What the logical lines of a loop body seen so far show. */
  private static final class BodyState {
    private final Set<String> targets;
    private boolean orderFree;
    private boolean equalityHeader;

    BodyState(Set<String> targets) {
      this.targets = targets;
    }

    /** Judges the statement made of {@code line}'s tokens from index {@code from}. */
    boolean accept(Tokens t, List<Integer> line, int from) {
      int first = line.get(from);
      int size = line.size() - from;
      if (t.isName(first) && COMPOUND.contains(t.text(first))) {
        int colon = -1;
        boolean equality = false;
        for (int k = from + 1; k < line.size(); k++) {
          int j = line.get(k);
          if (t.depth(j) == t.depth(first) && t.isOp(j, ':')) {
            colon = k;
            break;
          }
          equality |= t.is(j, "==");
        }
        if (colon < 0) {
          return false;
        }
        equalityHeader = equality && (t.is(first, "if") || t.is(first, "elif"));
        return colon == line.size() - 1 || accept(t, line, colon + 1);
      }
      boolean underEquality = equalityHeader;
      equalityHeader = false;
      if (size == 1 && (t.is(first, "continue") || t.is(first, "pass"))) {
        return true;
      }
      if (t.is(first, "return") && t.isName(first)) {
        if (size != 2) {
          return false;
        }
        int value = line.get(from + 1);
        boolean constant = t.is(value, "True") || t.is(value, "False") || t.is(value, "None");
        boolean entry = underEquality && t.isName(value) && targets.contains(t.text(value));
        orderFree |= constant || entry;
        return constant || entry;
      }
      if (plainAssignment(t, line, from)) {
        return true;
      }
      String effect = calledName(t, line, from);
      if (effect != null && effect(effect)) {
        orderFree = true;
        return true;
      }
      return false;
    }
  }

  private static final Set<String> COMPOUND =
      Set.of("if", "elif", "else", "try", "except", "finally", "with", "for");

  /** Per-entry effects whose end state does not depend on the order they run in. */
  private static final Set<String> EFFECTS =
      Set.of(
          "remove",
          "unlink",
          "rmdir",
          "rmtree",
          "removedirs",
          "rm",
          "chown",
          "lchown",
          "chmod",
          "lchmod",
          "utime",
          "copyfile",
          "copy2",
          "copytree");

  private static boolean effect(String name) {
    return EFFECTS.contains(name)
        || name.contains("cleanup")
        || name.startsWith("remove_")
        || name.startsWith("delete_");
  }

  /** {@code a = ...} or {@code a, b = ...}: plain names bound, nothing else assigned. */
  private static boolean plainAssignment(Tokens t, List<Integer> line, int from) {
    for (int k = from; k < line.size(); k++) {
      int j = line.get(k);
      if (t.is(j, "=")) {
        return k > from;
      }
      if (!t.isName(j) && !t.isOp(j, ',')) {
        return false;
      }
    }
    return false;
  }

  /** The last name of the call that is the whole statement ({@code a.b(x).c(y)}), else null. */
  private static String calledName(Tokens t, List<Integer> line, int from) {
    int k = from;
    if (!t.isName(line.get(k))) {
      return null;
    }
    int last = line.get(line.size() - 1);
    String name = t.text(line.get(k));
    k++;
    while (k < line.size()) {
      int j = line.get(k);
      if (t.isOp(j, '.') && k + 1 < line.size() && t.isName(line.get(k + 1))) {
        name = t.text(line.get(k + 1));
        k += 2;
      } else if (t.isOp(j, '(') || t.isOp(j, '[')) {
        int close = t.match(j);
        if (close < 0) {
          return null;
        }
        if (close == last) {
          return t.isOp(j, '(') ? name : null;
        }
        while (k < line.size() && line.get(k) <= close) {
          k++;
        }
      } else {
        return null;
      }
    }
    return null;
  }

  /** The bracket that opens the innermost bracket pair around token {@code i}. */
  private static int openingBracket(Tokens t, int i) {
    int depth = t.depth(i);
    for (int j = i - 1; j >= 0; j--) {
      if (t.depth(j) < depth) {
        return j;
      }
    }
    return -1;
  }

  /** The {@code for} whose target list ends at {@code in}; -1 for a membership test. */
  private static int forOf(Tokens t, int in) {
    int depth = t.depth(in);
    for (int j = t.skipTriviaBack(in - 1); j >= 0; j = t.skipTriviaBack(j - 1)) {
      if (t.is(j, "for") && t.isName(j) && t.depth(j) == depth) {
        return j;
      }
      boolean target =
          t.isName(j)
              || t.isOp(j, ',')
              || t.isOp(j, '(')
              || t.isOp(j, ')')
              || t.isOp(j, '[')
              || t.isOp(j, ']')
              || t.isOp(j, '*');
      if (!target || t.depth(j) < depth) {
        return -1;
      }
    }
    return -1;
  }
}
