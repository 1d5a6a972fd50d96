package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Django REST framework settings as a module writes them, read once for every DRF rule. */
public final class DrfSettings {

  private DrfSettings() {}

  /**
   * Each value the module gives {@code key}: as a literal key/value pair, inside a dict assigned to
   * any name (the {@code REST_FRAMEWORK} dict), or assigned to one of {@code assignedNames}
   * (labelled with that name), each with the line it is written on.
   */
  public static List<LiteralPair> values(
      PythonModule module, String key, Set<String> assignedNames) {
    List<LiteralPair> values = new ArrayList<>();
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals(key)) {
        values.add(pair);
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (assignedNames.contains(assignment.name())) {
        values.add(new LiteralPair(assignment.name(), assignment.value(), assignment.line()));
      } else if (assignment.value() instanceof PyValue.Dict dict) {
        dict.get(key).ifPresent(v -> values.add(new LiteralPair(key, v, assignment.line())));
      }
    }
    return values;
  }
}
