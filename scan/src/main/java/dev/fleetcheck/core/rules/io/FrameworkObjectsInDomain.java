package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * PY-IO-008 (assisted): a module of the business layer (by folder or file name) that imports a web
 * framework's request or response type. The home of PY-CODE-009's identical finding.
 */
public final class FrameworkObjectsInDomain implements Rule, ModuleCheck {

  public static final String ID = "PY-IO-008";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.API),
              "Keep request and response objects in the web layer: pass plain values or domain"
                  + " models into services, and build responses in the route.")
          .defined(
              "FAIL per product module under a domain, services, service, usecases, use_cases,"
                  + " logic, business or repositories folder, or named crud.py, that imports a"
                  + " framework request/response type (fastapi Request/Response, starlette"
                  + " requests/responses, flask request/Response/g, django.http, rest_framework"
                  + " request/response); else MANUAL. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> LAYER =
      Set.of(
          "domain",
          "services",
          "service",
          "usecases",
          "use_cases",
          "logic",
          "business",
          "repositories");
  private static final Set<String> EXACT =
      Set.of("fastapi.Request", "fastapi.Response", "flask.request", "flask.Response", "flask.g");
  private static final List<String> PREFIXES =
      List.of(
          "fastapi.responses.",
          "starlette.requests",
          "starlette.responses",
          "django.http",
          "rest_framework.request",
          "rest_framework.response");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    if (!businessLayer(module)) {
      return List.of();
    }
    Set<String> framework = new TreeSet<>();
    for (String imported : module.imports().values()) {
      if (EXACT.contains(imported) || PREFIXES.stream().anyMatch(imported::startsWith)) {
        framework.add(imported);
      }
    }
    List<Evidence> findings = new ArrayList<>();
    if (!framework.isEmpty()) {
      findings.add(
          Evidence.file(
              module.path(),
              "business-layer module imports framework objects: " + String.join(", ", framework)));
    }
    return findings;
  }

  private static boolean businessLayer(PythonModule module) {
    if (module.fileName().equals("crud.py")) {
      return true;
    }
    String[] segments = module.path().split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (LAYER.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }
}
