package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Route handlers a module declares by decorator (RULES-NEXT "Route handler"): a function decorated
 * {@code @<app|router|bp>.get|post|put|patch|delete|api_route|route|websocket}. Django views and
 * DRF methods are not found here.
 */
final class RouteHandlers {

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "api_route", "route", "head", "options");
  private static final Set<String> CLIENTS = Set.of("requests", "httpx", "aiohttp", "session");

  private RouteHandlers() {}

  /** The decorated route functions of the module, in source order. */
  static List<FunctionDef> of(PythonModule module) {
    List<FunctionDef> routes = new ArrayList<>();
    for (FunctionDef function : module.functions()) {
      if (function.decorators().stream().anyMatch(RouteHandlers::routeDecorator)) {
        routes.add(function);
      }
    }
    return routes;
  }

  /** The route decorators written above {@code function} (line numbers of the decorators). */
  static List<Decorator> decoratorsOf(PythonModule module, FunctionDef function) {
    List<Decorator> above = new ArrayList<>();
    int previous = 0;
    for (FunctionDef other : module.functions()) {
      if (other.line() < function.line() && other.line() > previous) {
        previous = other.line();
      }
    }
    for (Decorator decorator : module.decorators()) {
      if (decorator.line() > previous
          && decorator.line() < function.line()
          && routeDecorator(decorator.name())) {
        above.add(decorator);
      }
    }
    return above;
  }

  static boolean routeDecorator(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return false;
    }
    String receiver = name.substring(0, dot);
    String base = receiver.contains(".") ? receiver.substring(0, receiver.indexOf('.')) : receiver;
    return VERBS.contains(name.substring(dot + 1)) && !CLIENTS.contains(base);
  }
}
