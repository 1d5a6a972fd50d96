package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-018 (assisted): a login handler that writes the user into the session it was given, so a
 * session id planted before login stays valid after it (session fixation). A login handler is a
 * function named for logging in ({@code login}, {@code signin}, {@code sign_in}, {@code
 * authenticate}) or one that checks a password ({@code check_password}, {@code verify_password},
 * {@code check_password_hash}); it rotates when its body calls {@code session.clear()}, {@code
 * .flush()}, {@code .cycle_key()}, {@code .regenerate()} or Django's {@code login()}. Privilege
 * changes other than login are not checked.
 */
public final class SessionFixation implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-018",
              Set.of(Profile.API),
              "Rotate the session on login and privilege change: session.clear() (Flask),"
                  + " request.session.cycle_key() or django.contrib.auth.login() (Django).")
          .defined(
              "FAIL per login handler (a function named `login`, `signin`, `sign_in` or"
                  + " `authenticate`, or calling `check_password`/`verify_password`/"
                  + "`check_password_hash`) that assigns `session[...]` or `request.session[...]`"
                  + " while its body calls none of `session.clear()`, `.flush()`, `.cycle_key()`,"
                  + " `.regenerate()` or Django `login()`. Privilege changes are not checked."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final List<String> HINTS = List.of("session[", "session [");
  private static final List<String> LOGIN_NAMES =
      List.of("login", "signin", "sign_in", "authenticate");
  private static final Set<String> PASSWORD_CHECKS =
      Set.of("check_password", "verify_password", "check_password_hash");
  private static final Set<String> ROTATIONS = Set.of("clear", "flush", "cycle_key", "regenerate");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    return ProductCode.outcome(
        context,
        // A finding is a write to the name session: a module that never spells it is skipped.
        module ->
            module.mentions("session")
                ? FunctionBodies.of(codebase, module, HINTS)
                    .map(blocks -> findings(module.path(), blocks))
                    .orElse(List.of())
                : List.of());
  }

  private static List<Evidence> findings(String path, Blocks blocks) {
    Tokens t = blocks.tokens();
    List<Evidence> findings = new ArrayList<>();
    for (Blocks.Block def : blocks.of(Blocks.Kind.DEF)) {
      String name = def.name().toLowerCase(Locale.ROOT);
      boolean named = LOGIN_NAMES.stream().anyMatch(name::contains) && !name.contains("logout");
      int write = -1;
      boolean checksPassword = false;
      boolean rotates = false;
      for (int i = def.firstToken(); i <= def.lastToken(); i++) {
        if (!t.isName(i)) {
          continue;
        }
        boolean called = t.isOp(t.skipTrivia(i + 1), '(');
        boolean attribute = t.isOp(t.skipTriviaBack(i - 1), '.');
        String text = t.text(i);
        if (called && PASSWORD_CHECKS.contains(text)) {
          checksPassword = true;
        } else if (called && attribute && ROTATIONS.contains(text)) {
          rotates = true;
        } else if (called && text.equals("login") && !attribute
            || called && text.equals("login") && t.is(t.skipTriviaBack(i - 2), "auth")) {
          rotates = true;
        } else if (write < 0 && text.equals("session")) {
          write = sessionWrite(t, i).orElse(-1);
        }
      }
      if (write >= 0 && !rotates && (named || checksPassword)) {
        findings.add(
            Evidence.at(
                path,
                write,
                "login handler "
                    + def.name()
                    + " writes the session without rotating it (session fixation)"));
      }
    }
    return findings;
  }

  /** The line of {@code session[...] = ...} starting at token {@code i}. */
  private static Optional<Integer> sessionWrite(Tokens t, int i) {
    int open = t.skipTrivia(i + 1);
    if (!t.isOp(open, '[')) {
      return Optional.empty();
    }
    int close = t.match(open);
    if (close > open && t.isOp(t.skipTrivia(close + 1), '=')) {
      return Optional.of(t.line(i));
    }
    return Optional.empty();
  }
}
