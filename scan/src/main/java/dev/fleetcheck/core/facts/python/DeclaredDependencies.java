package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.model.Evidence;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every project name the repository declares as a dependency, in any list at any config root, PEP
 * 503-normalised, with where it was first declared.
 */
public final class DeclaredDependencies {

  private final Map<String, Evidence> firstDeclaration;

  DeclaredDependencies(Map<String, Evidence> firstDeclaration) {
    this.firstDeclaration = Collections.unmodifiableMap(new LinkedHashMap<>(firstDeclaration));
  }

  /** Whether {@code name} (any spelling, e.g. {@code Aws_Lambda.Powertools}) is declared. */
  public boolean has(String name) {
    return firstDeclaration.containsKey(Requirement.normalise(name));
  }

  /** The normalised names declared, in order of discovery. */
  public Set<String> names() {
    return firstDeclaration.keySet();
  }

  /** Where {@code name} is first declared. */
  public Optional<Evidence> where(String name) {
    return Optional.ofNullable(firstDeclaration.get(Requirement.normalise(name)));
  }

  public boolean isEmpty() {
    return firstDeclaration.isEmpty();
  }
}
