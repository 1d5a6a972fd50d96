package dev.fleetcheck.core.python;

/**
 * How big one {@code def} or {@code class} is: its lines from the header to the last line of its
 * body (decorators excluded), the statements in it as Pylint's too-many-statements counts them (one
 * for the def, one per simple statement and per if, elif, an if's else, with, match and finally,
 * two per except clause, one for a try's else; the headers try, for, while, def, class and case
 * none; nested bodies included), and for a def its decision points plus one (McCabe complexity as
 * Ruff's C901 counts it: the statements {@code if}, {@code elif}, {@code for}, {@code while}, each
 * {@code except} clause, a try's {@code else}, each {@code case} but a last irrefutable one, and
 * each nested def with its own decision points; boolean operators, conditional expressions and
 * comprehensions do not count). {@code depth} is 0 for a top-level definition.
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
