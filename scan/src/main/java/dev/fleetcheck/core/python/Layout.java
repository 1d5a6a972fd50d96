package dev.fleetcheck.core.python;

import java.util.List;
import java.util.Set;

/**
 * The layout facts of one module that style and documentation checks read (family F23 of
 * RULES-NEXT), taken from the token stream the module was analysed from.
 *
 * @param spacing pycodestyle's E302 and E305 for this file, in line order
 * @param docstrings every docstring of the module, its classes and defs, with its opening quotes
 * @param misplacedDocstrings def/class lines whose first statement is not a string (nor an
 *     assignment) but whose second is a bare string
 * @param commentedDefinitions def lines explained by a comment: directly above the def or its
 *     decorators, on the def line, or as the first line of the body
 */
public record Layout(
    List<Spacing> spacing,
    List<Docstring> docstrings,
    List<Integer> misplacedDocstrings,
    Set<Integer> commentedDefinitions) {

  /** One pycodestyle blank-line finding. */
  public record Spacing(int line, String code, int found) {}

  /** A docstring's line and opening quotes as written ({@code """}, {@code '''}, {@code '}). */
  public record Docstring(int line, String quotes) {}

  public static final Layout EMPTY = new Layout(List.of(), List.of(), List.of(), Set.of());

  public Layout {
    spacing = List.copyOf(spacing);
    docstrings = List.copyOf(docstrings);
    misplacedDocstrings = List.copyOf(misplacedDocstrings);
    commentedDefinitions = Set.copyOf(commentedDefinitions);
  }
}
