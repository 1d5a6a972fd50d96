package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-IO-004 (assisted): directory listings iterated or returned in the file system's order. A
 * listing is judged where it is written: the iterable of a {@code for} statement or comprehension,
 * or the value of {@code return}. Wrapping it in {@code sorted(...)}, or a comprehension inside
 * {@code sorted}, {@code any}, {@code all}, {@code len}, {@code set}, {@code sum}, {@code min},
 * {@code max}, is ordered or order-free. {@code os.walk} counts only when the module never calls
 * {@code .sort()}. Modules with a candidate are tokenized again.
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
                  + " product code.",
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
      return true;
    }
    int open = openingBracket(t, forToken);
    while (open >= 0) {
      int outer = t.skipTriviaBack(open - 1);
      if (outer >= 0 && t.isName(outer)) {
        return !ORDER_FREE.contains(t.text(outer));
      }
      boolean wrapped = outer >= 0 && t.isOp(outer, '(') && t.match(outer) == t.match(open) + 1;
      open = wrapped ? outer : -1;
    }
    return true;
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
