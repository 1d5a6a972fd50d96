package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.error.ErrorCode;
import java.util.Optional;

/**
 * The one place that decides whether a request may call a route: API Gateway's JWT authorizer has
 * verified the token, and this checks the route's scope against the token's scopes again, so a
 * route wired without an authorizer scope is not left open.
 */
final class ScopePolicy {

  private ScopePolicy() {}

  /** Empty when allowed; otherwise the refusal (401 without an identity, 403 without the scope). */
  static Optional<ErrorCode> refusal(Route route, ApiRequest request) {
    if (route.access() instanceof Route.Access.Public) {
      return Optional.empty();
    }
    if (!(route.access() instanceof Route.Access.Scope scope)) {
      return Optional.of(ErrorCode.FORBIDDEN);
    }
    if (request.scopes().isEmpty()) {
      return Optional.of(ErrorCode.UNAUTHENTICATED);
    }
    return request.scopes().get().contains(scope.name())
        ? Optional.empty()
        : Optional.of(ErrorCode.FORBIDDEN);
  }
}
