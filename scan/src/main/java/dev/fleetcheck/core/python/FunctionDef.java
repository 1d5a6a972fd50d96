package dev.fleetcheck.core.python;

import java.util.List;

/**
 * A {@code def}: whether it is public (its name and every enclosing class name start without an
 * underscore, and it is not nested in a function), whether it is a method, has a docstring, which
 * parameters lack an annotation ({@code self}/{@code cls} of a method never count), which have a
 * default value ({@code name=...}, in order), and whether the return is annotated.
 */
public record FunctionDef(
    String name,
    int line,
    boolean publicApi,
    boolean method,
    boolean hasDocstring,
    List<String> unannotatedParameters,
    List<String> defaultedParameters,
    boolean returnAnnotated,
    List<String> decorators) {

  public FunctionDef {
    unannotatedParameters = List.copyOf(unannotatedParameters);
    defaultedParameters = List.copyOf(defaultedParameters);
    decorators = List.copyOf(decorators);
  }

  /** Every parameter and the return carry a type annotation. */
  public boolean fullyAnnotated() {
    return unannotatedParameters.isEmpty() && returnAnnotated;
  }
}
