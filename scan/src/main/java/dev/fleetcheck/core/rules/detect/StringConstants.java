package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ModuleValues#string} for the checks that ask it about many values of one module: the
 * module's first string literal per assigned name is looked up once, not searched for per question.
 */
public final class StringConstants {

  private final PythonModule module;
  private Map<String, String> firstByTarget;

  public StringConstants(PythonModule module) {
    this.module = module;
  }

  /** The same answer as {@code ModuleValues.string(module, value)}. */
  public Optional<String> string(PyValue value) {
    if (value instanceof PyValue.Str str) {
      return Optional.of(str.value());
    }
    if (value instanceof PyValue.Name name) {
      return Optional.ofNullable(constants().get(name.dotted()));
    }
    return Optional.empty();
  }

  private Map<String, String> constants() {
    if (firstByTarget == null) {
      firstByTarget = new HashMap<>();
      for (Assignment assignment : module.assignments()) {
        if (assignment.value() instanceof PyValue.Str s) {
          firstByTarget.putIfAbsent(assignment.target(), s.value());
        }
      }
    }
    return firstByTarget;
  }
}
