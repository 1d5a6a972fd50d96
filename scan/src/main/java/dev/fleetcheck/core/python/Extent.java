package dev.fleetcheck.core.python;

/**
 * How big one {@code def} or {@code class} is: its lines from the header to the last line of its
 * body (decorators excluded), the statements in it (logical lines and {@code ;}-separated ones,
 * compound headers and nested bodies included, as Pylint counts), and for a def its decision points
 * plus one (a token approximation of McCabe complexity: {@code if}, {@code elif}, {@code for},
 * {@code while}, {@code except}, {@code case}, {@code and}, {@code or}, conditional expressions and
 * comprehension clauses; nested defs and classes count for themselves). {@code depth} is 0 for a
 * top-level definition.
 */
public record Extent(
    Blocks.Kind kind,
    String name,
    int line,
    int lastLine,
    int depth,
    int statements,
    int complexity) {

  public int lines() {
    return lastLine - line + 1;
  }
}
