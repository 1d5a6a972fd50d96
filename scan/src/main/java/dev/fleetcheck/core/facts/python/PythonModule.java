package dev.fleetcheck.core.facts.python;

import java.util.Map;

/**
 * What profile detection needs from one Python file: imports (top-level name to first line), the
 * line of its {@code __main__} guard and of a Lambda handler definition (0 when absent).
 */
public record PythonModule(
    String path, Map<String, Integer> imports, int mainGuardLine, int lambdaHandlerLine) {

  public PythonModule {
    imports = Map.copyOf(imports);
  }

  public boolean imports(String module) {
    return imports.containsKey(module);
  }
}
