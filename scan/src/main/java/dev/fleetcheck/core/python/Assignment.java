package dev.fleetcheck.core.python;

/**
 * A simple assignment of a literal value, {@code target = value} (a constant or a display of them;
 * annotated or not, at any indentation, so class-based settings count too); {@code target} is the
 * dotted name as written. Assignments of names, calls or other expressions are not kept.
 */
public record Assignment(String target, PyValue value, int line) {

  /** The last part of the target: {@code X} for {@code settings.X}. */
  public String name() {
    int dot = target.lastIndexOf('.');
    return dot < 0 ? target : target.substring(dot + 1);
  }
}
