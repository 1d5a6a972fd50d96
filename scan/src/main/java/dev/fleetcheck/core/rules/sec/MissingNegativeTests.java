package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-055 (assisted): protected routes with no negative test. Routes are protected when product
 * code declares authentication or permissions (FastAPI security classes, DRF {@code
 * permission_classes}/{@code DEFAULT_PERMISSION_CLASSES}, {@code @login_required}-style decorators,
 * a Lambda authorizer). A finding per denial status (401, 403) that test code never names.
 * Cross-tenant cases stay for a reviewer.
 */
public final class MissingNegativeTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-055",
              Set.of(Profile.API),
              "Add negative tests: a request without or with an invalid credential gets 401, one"
                  + " without the permission gets 403, and one for another tenant is refused.")
          .defined(
              "Applies when routes are protected: a FastAPI security class (`OAuth2PasswordBearer`,"
                  + " `HTTPBearer`, `APIKeyHeader`, ...), DRF `permission_classes` or"
                  + " `DEFAULT_PERMISSION_CLASSES`, a `login_required`/`permission_required`/"
                  + "`jwt_required`-style decorator, or a Lambda authorizer. FAIL once per status"
                  + " (401, 403) that test code never names (`401`, `HTTP_401_UNAUTHORIZED`,"
                  + " `HTTPStatus.UNAUTHORIZED`, the same for 403). NOT_APPLICABLE without protected"
                  + " routes.",
              Effort.MEDIUM);

  private static final Set<String> SECURITY_CLASSES =
      Set.of(
          "OAuth2PasswordBearer",
          "OAuth2AuthorizationCodeBearer",
          "HTTPBearer",
          "HTTPBasic",
          "APIKeyHeader",
          "APIKeyQuery",
          "APIKeyCookie",
          "OpenIdConnect");
  private static final Set<String> GUARDS =
      Set.of(
          "login_required",
          "permission_required",
          "jwt_required",
          "auth_required",
          "requires_auth",
          "user_passes_test",
          "staff_member_required");
  private static final Set<String> PERMISSION_SETTINGS =
      Set.of("permission_classes", "DEFAULT_PERMISSION_CLASSES");

  /**
   * The last parts of the callees, decorators and assigned names that protect routes, spelled in
   * the code (or in the import the name was resolved through); a literal key is a string.
   */
  private static final Set<String> NAMES = union(SECURITY_CLASSES, GUARDS, PERMISSION_SETTINGS);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    boolean protectedRoutes =
        context.fact(LambdaHandlers.FACT).stream().anyMatch(LambdaHandlers.Handler::authorizer);
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (protectedRoutes) {
        break;
      }
      protectedRoutes = protects(module);
    }
    if (!protectedRoutes) {
      return Outcome.notApplicable("no protected routes (no authentication or permission found)");
    }
    TestEvidence tests = context.fact(TestEvidence.FACT);
    List<Evidence> findings = new ArrayList<>();
    for (int status : List.of(401, 403)) {
      if (!tests.statuses().contains(status)) {
        findings.add(Evidence.repository("no test asserts a " + status + " outcome"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean protects(PythonModule module) {
    return module.mentionsAny(NAMES) && protectsByName(module)
        || module.literalPairs().stream().anyMatch(p -> PERMISSION_SETTINGS.contains(p.key()));
  }

  /** The calls, decorators and assignments that protect: each spells one of {@link #NAMES}. */
  private static boolean protectsByName(PythonModule module) {
    for (Call call : module.calls()) {
      if (SECURITY_CLASSES.contains(call.name()) && call.callee().startsWith("fastapi.")) {
        return true;
      }
    }
    for (Decorator decorator : module.decorators()) {
      String name = decorator.name();
      if (GUARDS.contains(name.substring(name.lastIndexOf('.') + 1))) {
        return true;
      }
    }
    return module.assignments().stream().anyMatch(a -> PERMISSION_SETTINGS.contains(a.name()));
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
