package dev.fleetcheck.core.python;

import java.util.Objects;

/**
 * A simple assignment of a literal value, {@code target = value} (a constant or a display of them;
 * annotated or not, at any indentation, so class-based settings count too); {@code target} is the
 * dotted name as written. Assignments of names, calls or other expressions are not kept.
 *
 * <p>A value class with the accessors, equality and text of a record, written out so that it can
 * keep {@link #name()} once derived: many checks ask every assignment for it, many times per scan.
 */
public final class Assignment {

  private final String target;
  private final PyValue value;
  private final int line;

  // Derived once on first use (or given by the analyzer); a race only computes the same string
  // twice.
  private String name;

  public Assignment(String target, PyValue value, int line) {
    this(target, value, line, null);
  }

  /** As the public constructor, with {@link #name()} known already (the analyzer pools it). */
  Assignment(String target, PyValue value, int line, String name) {
    this.target = target;
    this.value = value;
    this.line = line;
    this.name = name;
  }

  public String target() {
    return target;
  }

  public PyValue value() {
    return value;
  }

  public int line() {
    return line;
  }

  /** The last part of the target: {@code X} for {@code settings.X}. */
  public String name() {
    String known = name;
    if (known == null) {
      int dot = target.lastIndexOf('.');
      known = dot < 0 ? target : target.substring(dot + 1);
      name = known;
    }
    return known;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Assignment a
        && line == a.line
        && Objects.equals(target, a.target)
        && Objects.equals(value, a.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, value, line);
  }

  @Override
  public String toString() {
    return "Assignment[target=" + target + ", value=" + value + ", line=" + line + "]";
  }
}
