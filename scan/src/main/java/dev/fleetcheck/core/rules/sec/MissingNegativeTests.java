package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PyValue;
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
                  + " routes. A FastAPI security class is one of `fastapi.security` (not the OpenAPI"
                  + " model of the same name); a permission setting protects when it names a class"
                  + " other than `AllowAny` (an empty one, or one forwarding another permission"
                  + " setting, does not). Narrowed: where the only guards are Django's login"
                  + " decorators (`django.contrib.auth.decorators`, `staff_member_required`), which"
                  + " answer an unauthenticated request with a redirect to the login page and never"
                  + " with 401, only the 403 test is asked for.",
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

  /** Django's guards: an unauthenticated request gets a redirect to the login page, never 401. */
  private static final List<String> REDIRECTING_GUARDS =
      List.of("django.contrib.auth.decorators.", "django.contrib.admin.views.decorators.");

  /** How product code protects its routes, as far as the modules read so far tell. */
  private enum Protection {
    NONE,
    /**
     * Only Django's login decorators: unauthenticated requests are redirected, not answered 401.
     */
    REDIRECT,
    /** Something that may answer 401. */
    DENY
  }

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
    Protection protection =
        context.fact(LambdaHandlers.FACT).stream().anyMatch(LambdaHandlers.Handler::authorizer)
            ? Protection.DENY
            : Protection.NONE;
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (protection == Protection.DENY) {
        break;
      }
      Protection here = protects(module);
      if (here.compareTo(protection) > 0) {
        protection = here;
      }
    }
    if (protection == Protection.NONE) {
      return Outcome.notApplicable("no protected routes (no authentication or permission found)");
    }
    TestEvidence tests = context.fact(TestEvidence.FACT);
    List<Evidence> findings = new ArrayList<>();
    List<Integer> asked = protection == Protection.DENY ? List.of(401, 403) : List.of(403);
    for (int status : asked) {
      if (!tests.statuses().contains(status)) {
        findings.add(Evidence.repository("no test asserts a " + status + " outcome"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static Protection protects(PythonModule module) {
    if (module.literalPairs().stream()
        .anyMatch(p -> PERMISSION_SETTINGS.contains(p.key()) && denies(p.value()))) {
      return Protection.DENY;
    }
    return module.mentionsAny(NAMES) ? protectsByName(module) : Protection.NONE;
  }

  /** The calls, decorators and assignments that protect: each spells one of {@link #NAMES}. */
  private static Protection protectsByName(PythonModule module) {
    for (Call call : module.calls()) {
      if (SECURITY_CLASSES.contains(call.name()) && call.callee().startsWith("fastapi.security.")) {
        return Protection.DENY;
      }
    }
    if (module.assignments().stream()
        .anyMatch(a -> PERMISSION_SETTINGS.contains(a.name()) && denies(a.value()))) {
      return Protection.DENY;
    }
    Protection protection = Protection.NONE;
    for (Decorator decorator : module.decorators()) {
      String name = decorator.name();
      if (GUARDS.contains(name.substring(name.lastIndexOf('.') + 1))) {
        if (REDIRECTING_GUARDS.stream().noneMatch(name::startsWith)) {
          return Protection.DENY;
        }
        protection = Protection.REDIRECT;
      }
    }
    return protection;
  }

  /**
   * Whether a permission setting's value names a class that can deny: not empty, not only {@code
   * AllowAny}, not a forward of another permission setting ({@code
   * api_settings.DEFAULT_PERMISSION_CLASSES}, a decorator's {@code permission_classes} argument),
   * which is judged where it is set. An expression that cannot be read counts.
   */
  private static boolean denies(PyValue value) {
    if (value instanceof PyValue.Seq seq) {
      return seq.items().stream().anyMatch(MissingNegativeTests::denies);
    }
    if (value instanceof PyValue.Str str) {
      return !lastPart(str.value()).equals("AllowAny");
    }
    if (value instanceof PyValue.Name name) {
      String last = lastPart(name.dotted());
      return !last.equals("AllowAny") && !PERMISSION_SETTINGS.contains(last);
    }
    return value instanceof PyValue.Expr;
  }

  private static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
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
