package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The decorator-declared routes of one module (RULES-NEXT family F6, "Route handler"): FastAPI and
 * Starlette {@code @app|router.get|post|put|patch|delete|head|options|api_route|route}, Flask and
 * Quart {@code @app|bp.route|get|post|...}. The receiver is a name bound to {@code FastAPI()},
 * {@code APIRouter()}, {@code Flask()}, {@code Blueprint()} (or their Quart/Starlette forms), or is
 * conventionally named ({@code app}, {@code router}, {@code api}, {@code bp}, {@code blueprint}) in
 * a module importing one of those frameworks. Django URL confs, DRF views and template events are
 * not read.
 */
public final class Routes {

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Set<String> GENERIC = Set.of("route", "api_route");
  private static final Set<String> APP_FACTORIES =
      Set.of(
          "fastapi.FastAPI",
          "fastapi.APIRouter",
          "fastapi.routing.APIRouter",
          "flask.Flask",
          "flask.Blueprint",
          "quart.Quart",
          "quart.Blueprint",
          "starlette.routing.Router");
  private static final Set<String> CONVENTIONAL =
      Set.of("app", "router", "api", "bp", "blueprint", "api_router", "v1", "routes");
  private static final Set<String> FRAMEWORKS = Set.of("fastapi", "flask", "quart", "starlette");
  private static final List<String> DECORATOR_NAMES =
      List.of("get", "post", "put", "patch", "delete", "head", "options", "route", "api_route");

  private Routes() {}

  public static List<Route> of(PythonModule module) {
    // A route's decorator ends in a verb or route(): that name is spelled in the module, in the
    // decorator itself or in the import it was resolved through (Vocabulary).
    if (module.decorators().isEmpty()
        || !module.mentionsAny(DECORATOR_NAMES)
        || !importsFramework(module)) {
      return List.of();
    }
    Set<String> apps = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (APP_FACTORIES.contains(binding.callee())) {
        apps.add(binding.name());
      }
    }
    List<Route> routes = new ArrayList<>();
    for (FunctionDef function : module.functions()) {
      if (function.decorators().isEmpty()) {
        continue;
      }
      for (Decorator decorator : decoratorsOf(module, function)) {
        route(module, function, decorator, apps).ifPresent(routes::add);
      }
    }
    return routes;
  }

  private static boolean importsFramework(PythonModule module) {
    for (String imported : module.imports().values()) {
      int dot = imported.indexOf('.');
      if (FRAMEWORKS.contains(dot < 0 ? imported : imported.substring(0, dot))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Route> route(
      PythonModule module, FunctionDef function, Decorator decorator, Set<String> apps) {
    String name = decorator.name();
    int dot = name.lastIndexOf('.');
    if (dot < 0 || !decorator.called()) {
      return Optional.empty();
    }
    String receiver = name.substring(0, dot);
    String last = name.substring(dot + 1);
    String receiverLast = receiver.substring(receiver.lastIndexOf('.') + 1);
    if (!(VERBS.contains(last) || GENERIC.contains(last))
        || !(apps.contains(receiver) || CONVENTIONAL.contains(receiverLast))) {
      return Optional.empty();
    }
    Optional<Call> call =
        module.calls().stream()
            .filter(c -> c.line() == decorator.line() && c.callee().equals(name))
            .findFirst();
    if (call.isEmpty()) {
      return Optional.empty();
    }
    Set<String> methods = new HashSet<>();
    if (VERBS.contains(last)) {
      methods.add(last.toUpperCase(Locale.ROOT));
    } else {
      Optional<PyValue> declared = call.get().keyword("methods");
      if (declared.isEmpty()) {
        methods.add("GET");
      } else if (declared.get() instanceof PyValue.Seq seq) {
        for (PyValue item : seq.items()) {
          if (item instanceof PyValue.Str str) {
            methods.add(str.value().toUpperCase(Locale.ROOT));
          } else {
            return Optional.of(
                new Route(module.path(), function, Set.of(), path(call.get()), call.get()));
          }
        }
      }
    }
    return Optional.of(new Route(module.path(), function, methods, path(call.get()), call.get()));
  }

  private static Optional<String> path(Call call) {
    Optional<PyValue> first = call.positional().stream().findFirst();
    if (first.isEmpty()) {
      first = call.keyword("path").or(() -> call.keyword("rule"));
    }
    return first.filter(v -> v instanceof PyValue.Str).map(v -> ((PyValue.Str) v).value());
  }

  /** The decorators written right above {@code function}, in source order. */
  private static List<Decorator> decoratorsOf(PythonModule module, FunctionDef function) {
    int count = function.decorators().size();
    List<Decorator> before =
        module.decorators().stream().filter(d -> d.line() < function.line()).toList();
    return before.subList(Math.max(0, before.size() - count), before.size());
  }
}
