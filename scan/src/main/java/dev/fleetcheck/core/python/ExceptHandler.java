package dev.fleetcheck.core.python;

/**
 * One {@code except} clause (RULES-NEXT.md, "Except-handler"). {@code broad}: bare {@code except:}
 * or a clause naming {@code Exception} or {@code BaseException} (alone or in a tuple). {@code
 * silent}: the body holds only {@code pass}, {@code ...}, {@code continue}, {@code return}, or
 * {@code return} of a literal, so nothing is logged or raised. {@code function} names the innermost
 * enclosing {@code def}, empty at module or class level. {@code name} is the {@code as} name (empty
 * without one) and {@code lastLine} the body's last line.
 */
public record ExceptHandler(
    int line, boolean broad, boolean silent, String function, String name, int lastLine) {

  /** Whether {@code line} lies in the clause or its body. */
  public boolean covers(int other) {
    return other >= line && other <= lastLine;
  }
}
