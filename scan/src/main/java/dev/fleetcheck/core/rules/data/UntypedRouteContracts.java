package dev.fleetcheck.core.rules.data;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-DATA-007 (assisted): FastAPI routes whose response contract is undeclared: a route decorator
 * ({@code @app.get(...)}, {@code @router.post(...)} on a name bound to {@code FastAPI()} or {@code
 * APIRouter()}) without {@code response_model=} above a function without a return annotation.
 * Routes declared {@code status_code=204}, with {@code response_class=}, left out of the schema, or
 * whose body builds a {@code *Response} are exempt. Not checked: pydantic fields typed bare {@code
 * dict}/{@code list}/{@code Any}, and Flask, Django and Lambda contracts.
 */
public final class UntypedRouteContracts implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-DATA-007",
              Set.of(Profile.API),
              "Declare every route's response: a return annotation with a pydantic model or"
                  + " response_model=, so fields, types and optionality are explicit.")
          .defined(
              "FAIL per FastAPI route (a decorator on a name bound to `FastAPI()`/`APIRouter()`)"
                  + " with neither `response_model=` nor a return annotation; routes with"
                  + " `status_code=204`, `response_class=`, `include_in_schema=False`, or whose body"
                  + " builds a `*Response`, are exempt. Pydantic fields typed bare"
                  + " `dict`/`list`/`Any` and Flask, Django and Lambda routes are not checked."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> APPS = Set.of("fastapi.FastAPI", "fastapi.APIRouter");
  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "api_route", "head", "options");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, UntypedRouteContracts::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    Set<String> apps = ModuleValues.namesBoundTo(module, APPS);
    if (apps.isEmpty()) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (!apps.contains(call.writtenReceiver()) || !VERBS.contains(call.name())) {
        continue;
      }
      boolean decorator =
          module.decorators().stream().anyMatch(d -> d.line() == call.line() && d.called());
      if (!decorator || declared(call)) {
        continue;
      }
      routeBelow(module, call.line())
          .filter(route -> !route.returnAnnotated() && !buildsResponse(module, route))
          .ifPresent(
              route ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          route.line(),
                          "route "
                              + route.name()
                              + " declares no response model (response_model= or a return"
                              + " annotation)")));
    }
    return findings;
  }

  private static boolean declared(Call call) {
    return call.hasKeyword("response_model")
        || call.hasKeyword("response_class")
        || call.kwargsSplat()
        || call.keyword("include_in_schema").filter(PyValue::isFalse).isPresent()
        || call.keyword("status_code")
            .map(v -> v instanceof PyValue.Num num ? num.text() : ModuleValues.text(v))
            .filter(s -> s.equals("204") || s.contains("HTTP_204"))
            .isPresent();
  }

  private static Optional<FunctionDef> routeBelow(PythonModule module, int line) {
    return module.functions().stream().filter(f -> f.line() > line).findFirst();
  }

  /** The body (up to the next def) calls a {@code *Response} class. */
  private static boolean buildsResponse(PythonModule module, FunctionDef route) {
    int end =
        module.functions().stream()
            .mapToInt(FunctionDef::line)
            .filter(l -> l > route.line())
            .min()
            .orElse(Integer.MAX_VALUE);
    return module.calls().stream()
        .anyMatch(c -> c.line() > route.line() && c.line() < end && c.name().endsWith("Response"));
  }
}
