package dev.fleetcheck.core.rules.beh;

import java.util.OptionalInt;

/**
 * One place where CLI code ends the process with a status (family F4): {@code sys.exit(3)}, {@code
 * raise typer.Exit(code=4)}, {@code ctx.exit()}. {@code code} is empty when the status is not a
 * literal or a module-level int constant; {@code defaulted} when no status is passed (so 0).
 */
record ExitSite(String path, int line, String form, OptionalInt code, boolean defaulted) {

  /** Whether the status is known and is neither 0, 1 nor 2. */
  boolean beyondContract() {
    return code.isPresent() && (code.getAsInt() < 0 || code.getAsInt() > 2);
  }
}
