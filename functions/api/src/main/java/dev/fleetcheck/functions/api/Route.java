package dev.fleetcheck.functions.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * One API route: the route key template.yaml declares (METHOD path), who may call it, and what it
 * does. Issue 10's routes are added as more of these.
 */
record Route(String routeKey, Access access, Function<ApiRequest, ApiReply> action) {

  /** Who may call a route; a route that declares no access is denied to everyone. */
  sealed interface Access {
    /** Callers whose verified JWT carries this scope. */
    record Scope(String name) implements Access {}

    /** Anyone, without a token (the published API description). */
    record Public() implements Access {}

    /** Nothing declared: denied. */
    record Undeclared() implements Access {}
  }

  Route {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(action, "action");
  }

  static Route scoped(String routeKey, String scope, Function<ApiRequest, ApiReply> action) {
    return new Route(routeKey, new Access.Scope(scope), action);
  }
}
