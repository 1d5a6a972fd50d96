package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.Optional;

/** The first sign that a library is used: declared as a dependency, or imported by product code. */
final class Signals {

  private Signals() {}

  static Optional<Evidence> library(
      RuleContext context, String distribution, String module, String message) {
    return context
        .fact(Dependencies.FACT)
        .where(distribution)
        .or(() -> context.fact(PythonSources.FACT).imports(module))
        .map(e -> new Evidence(e.path(), e.line(), message));
  }
}
