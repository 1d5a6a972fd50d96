package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-SEC-017 (assisted), parts (a), (b) and (d): Django {@code @csrf_exempt} on a view that is not
 * limited to safe methods, a Django {@code MIDDLEWARE} with sessions but without {@code
 * CsrfViewMiddleware}, and {@code WTF_CSRF_ENABLED = False} outside a testing configuration.
 */
public final class CsrfProtectionOff implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-017",
              Set.of(Profile.API),
              "Keep CSRF protection on for browser state changes: drop @csrf_exempt, keep"
                  + " CsrfViewMiddleware beside SessionMiddleware, and leave WTF_CSRF_ENABLED on outside"
                  + " tests.")
          .defined(
              "FAIL on an evident violation: parts (a), (b), (d): Django "
                  + "`@csrf_exempt` (aliases followed) on a view not limited to safe "
                  + "methods by `@require_GET`/`@require_safe`; a `MIDDLEWARE` list with "
                  + "`SessionMiddleware` and no `CsrfViewMiddleware`; `WTF_CSRF_ENABLED = "
                  + "False` in a module without a testing configuration class. Narrowed: "
                  + "DRF `enforce_csrf` overrides and CSRF-less Flask or FastAPI cookie "
                  + "sessions (parts c, e, f) are not checked yet",
              Effort.LOW);

  private static final String CSRF_EXEMPT = "django.views.decorators.csrf.csrf_exempt";
  private static final Set<String> SAFE_ONLY =
      Set.of(
          "django.views.decorators.http.require_GET", "django.views.decorators.http.require_safe");

  /**
   * Each finding needs one of these names: the decorator's (spelled where it is applied or in its
   * import) or the setting assigned.
   */
  private static final Set<String> NAMES = Set.of("csrf_exempt", "MIDDLEWARE", "WTF_CSRF_ENABLED");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    if (!module.mentionsAny(NAMES)) {
      return findings;
    }
    for (FunctionDef function : module.functions()) {
      List<String> decorators = function.decorators();
      if (decorators.contains(CSRF_EXEMPT) && decorators.stream().noneMatch(SAFE_ONLY::contains)) {
        findings.add(
            Evidence.at(
                module.path(),
                function.line(),
                "view " + function.name() + " is exempt from CSRF protection (@csrf_exempt)"));
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (assignment.name().equals("MIDDLEWARE") && assignment.value() instanceof PyValue.Seq seq) {
        List<String> middleware = seq.items().stream().map(ModuleValues::text).toList();
        boolean sessions = middleware.stream().anyMatch(m -> m.endsWith("SessionMiddleware"));
        boolean csrf = middleware.stream().anyMatch(m -> m.endsWith("CsrfViewMiddleware"));
        if (sessions && !csrf) {
          findings.add(
              Evidence.at(
                  module.path(),
                  assignment.line(),
                  "MIDDLEWARE has SessionMiddleware but no CsrfViewMiddleware"));
        }
      } else if (assignment.name().equals("WTF_CSRF_ENABLED")
          && assignment.value().isFalse()
          && !testingConfig(module)) {
        findings.add(
            Evidence.at(
                module.path(),
                assignment.line(),
                "Flask-WTF CSRF protection off: WTF_CSRF_ENABLED = False"));
      }
    }
    return findings;
  }

  private static boolean testingConfig(PythonModule module) {
    return module.classes().stream()
        .anyMatch(c -> c.name().toLowerCase(Locale.ROOT).contains("test"));
  }
}
