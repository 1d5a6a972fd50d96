package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Route;
import dev.fleetcheck.core.rules.detect.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-024 (assisted): authorisation written into the route handlers instead of one policy layer.
 * A role or privilege check ({@code .is_superuser}, {@code .is_staff}, {@code .is_admin}, {@code
 * has_perm(}, {@code .role ==}/{@code !=}, {@code ... in user.roles}/{@code .scopes}) inside the
 * body of decorator-declared route handlers; three or more such handlers (the threshold RULES-NEXT
 * proposes) are the finding. Django views and DRF methods are not counted.
 */
public final class ScatteredAuthorisation implements Rule {

  static final int THRESHOLD = 3;

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-024",
              Set.of(Profile.API),
              "Move role and permission checks out of route bodies into one policy layer: a"
                  + " dependency, decorator or permission class the routes declare.")
          .defined(
              "FAIL when "
                  + THRESHOLD
                  + " or more route handlers declared by decorator (`@app.get`, `@router.post`,"
                  + " `@bp.route`, ...) check a role or privilege in their body (`.is_superuser`,"
                  + " `.is_staff`, `.is_admin`, `has_perm(`, `.role ==`/`!=`, `in"
                  + " user.roles`/`.scopes`), one finding per handler. Django views and DRF"
                  + " methods are not counted. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final List<String> HINTS =
      List.of("is_superuser", "is_staff", "is_admin", "has_perm", "role", "scopes");
  private static final Set<String> FLAGS = Set.of("is_superuser", "is_staff", "is_admin");
  private static final Set<String> COLLECTIONS = Set.of("roles", "scopes", "groups");

  /** Every check {@link #firstCheck} finds is one of these NAME tokens. */
  private static final Set<String> CHECK_NAMES =
      Set.of(
          "is_superuser",
          "is_staff",
          "is_admin",
          "has_perm",
          "has_perms",
          "role",
          "roles",
          "scopes",
          "groups");

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
    List<Evidence> handlers = new ArrayList<>();
    for (PythonModule module : modules) {
      // The cheap questions first: a check is one of these names, and the text holds a hint.
      if (!module.mentionsAny(CHECK_NAMES)) {
        continue;
      }
      Optional<String> text = codebase.text(module.path());
      if (text.isEmpty() || HINTS.stream().noneMatch(text.get()::contains)) {
        continue;
      }
      List<FunctionDef> routes =
          Routes.of(module).stream().map(Route::function).distinct().toList();
      if (routes.isEmpty()) {
        continue;
      }
      codebase
          .blocks(module.path())
          .ifPresent(blocks -> handlers.addAll(checks(module.path(), routes, blocks)));
    }
    return Outcome.assisted(handlers.size() >= THRESHOLD ? handlers : List.of());
  }

  private static List<Evidence> checks(String path, List<FunctionDef> routes, Blocks blocks) {
    List<Evidence> found = new ArrayList<>();
    for (FunctionDef route : routes) {
      for (Blocks.Block def : blocks.of(Blocks.Kind.DEF)) {
        if (def.line() == route.line() && def.name().equals(route.name())) {
          firstCheck(blocks.tokens(), def)
              .ifPresent(
                  check ->
                      found.add(
                          Evidence.at(
                              path,
                              check.line(),
                              "route handler "
                                  + route.name()
                                  + " checks "
                                  + check.what()
                                  + " in its body, outside a policy layer")));
        }
      }
    }
    return found;
  }

  private record Check(int line, String what) {}

  private static Optional<Check> firstCheck(Tokens t, Blocks.Block def) {
    for (int i = def.firstToken(); i <= def.lastToken(); i++) {
      if (!t.isName(i)) {
        continue;
      }
      String text = t.text(i);
      boolean attribute = t.isOp(t.skipTriviaBack(i - 1), '.');
      int next = t.skipTrivia(i + 1);
      if (attribute && FLAGS.contains(text)) {
        return Optional.of(new Check(t.line(i), text));
      }
      if ((text.equals("has_perm") || text.equals("has_perms")) && t.isOp(next, '(')) {
        return Optional.of(new Check(t.line(i), text + "()"));
      }
      if (attribute && text.equals("role") && (t.is(next, "==") || t.is(next, "!="))) {
        return Optional.of(new Check(t.line(i), "role " + t.text(next)));
      }
      if (text.equals("in")) {
        Optional<String> held = heldIn(t, next, def.lastToken());
        if (held.isPresent()) {
          return Optional.of(new Check(t.line(i), "membership in ." + held.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code in user.roles}: the operand ends with an attribute named roles, scopes or groups. */
  private static Optional<String> heldIn(Tokens t, int from, int last) {
    int i = from;
    while (i <= last && (t.isName(i) || t.isOp(i, '.')) && !t.isKind(i, TokenKind.NEWLINE)) {
      if (t.isName(i) && COLLECTIONS.contains(t.text(i)) && t.isOp(i - 1, '.')) {
        int after = i + 1;
        if (!t.isOp(after, '.') && !t.isOp(after, '(')) {
          return Optional.of(t.text(i));
        }
      }
      i++;
    }
    return Optional.empty();
  }
}
