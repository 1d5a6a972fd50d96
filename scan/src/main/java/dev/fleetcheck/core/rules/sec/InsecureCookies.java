package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PY-SEC-016: session and CSRF cookies are not made insecure by settings ({@code
 * SESSION_COOKIE_SECURE = False}, {@code CSRF_COOKIE_SECURE = False}, {@code
 * SESSION_COOKIE_HTTPONLY = False}, whether assigned, put in a config mapping or passed to {@code
 * config.update}) and {@code set_cookie(...)} never passes {@code secure=False} or {@code
 * httponly=False}.
 */
public final class InsecureCookies implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-016",
              Profile.API,
              "Keep cookies Secure and HttpOnly: leave SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE and"
                  + " SESSION_COOKIE_HTTPONLY true, and never call set_cookie with secure=False or"
                  + " httponly=False.")
          .defined(
              "FAIL per `SESSION_COOKIE_SECURE = False`, `CSRF_COOKIE_SECURE = "
                  + "False`, `SESSION_COOKIE_HTTPONLY = False`, or `set_cookie(...)` with "
                  + "`secure=False`/`httponly=False`; PASS otherwise.",
              Effort.LOW);

  private static final Set<String> SETTINGS =
      Set.of("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY");
  private static final Set<String> COOKIE_SETTERS = Set.of("set_cookie", "set_signed_cookie");

  private static final Set<String> NAMES =
      Set.of(
          "SESSION_COOKIE_SECURE",
          "CSRF_COOKIE_SECURE",
          "SESSION_COOKIE_HTTPONLY",
          "set_cookie",
          "set_signed_cookie");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ModuleFindings.outcome(context, this, "no cookie is made insecure");
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    // Assigned settings, keywords and cookie setters are spelled; a literal key is a string.
    boolean named = module.mentionsAny(NAMES);
    for (Assignment assignment : named ? module.assignments() : List.<Assignment>of()) {
      if (SETTINGS.contains(assignment.name()) && assignment.value().isFalse()) {
        findings.add(setting(module, assignment.line(), assignment.name()));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (SETTINGS.contains(pair.key()) && pair.value().isFalse()) {
        findings.add(setting(module, pair.line(), pair.key()));
      }
    }
    for (Call call : named ? module.calls() : List.<Call>of()) {
      for (Map.Entry<String, PyValue> keyword : call.keywords().entrySet()) {
        if (SETTINGS.contains(keyword.getKey()) && keyword.getValue().isFalse()) {
          findings.add(setting(module, call.line(), keyword.getKey()));
        }
      }
      if (COOKIE_SETTERS.contains(call.name())) {
        for (String flag : List.of("secure", "httponly")) {
          if (call.keyword(flag).filter(PyValue::isFalse).isPresent()) {
            findings.add(
                Evidence.at(
                    module.path(), call.line(), call.written() + "(..., " + flag + "=False)"));
          }
        }
      }
    }
    return findings;
  }

  private static Evidence setting(PythonModule module, int line, String name) {
    return Evidence.at(module.path(), line, name + " = False");
  }
}
