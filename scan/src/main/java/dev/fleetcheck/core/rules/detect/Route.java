package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.FunctionDef;
import java.util.Optional;
import java.util.Set;

/**
 * One route handler declared by a decorator (RULES-NEXT family F6): the function, the HTTP methods
 * it answers (upper case), its literal path when written, and the decorator call.
 */
public record Route(
    String modulePath,
    FunctionDef function,
    Set<String> methods,
    Optional<String> path,
    Call decorator) {

  public Route {
    methods = Set.copyOf(methods);
  }

  /** Whether the route answers only safe methods (GET, HEAD). */
  public boolean readOnly() {
    return !methods.isEmpty() && Set.of("GET", "HEAD").containsAll(methods);
  }
}
