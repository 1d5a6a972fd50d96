package dev.fleetcheck.cli;

/** The process exit codes; docs/exit-codes.md is their contract. */
public final class ExitCodes {

  /** The command did its job; for scan: no FAIL or ERROR at or above the --fail-on level. */
  public static final int OK = 0;

  /** Something outside the user's input went wrong: clone, I/O, an internal error. */
  public static final int OPERATIONAL_FAILURE = 1;

  /** The command line was wrong: unknown option, bad value, missing path. */
  public static final int USAGE_ERROR = 2;

  /** The scan ran and the repository breaks a rule at or above the --fail-on level. */
  public static final int NON_COMPLIANT = 3;

  /**
   * {@code scan} ran on a folder with no Python project (empty, or no pyproject.toml, setup.py,
   * setup.cfg, requirements file or .py file): every rule is NOT_APPLICABLE, nothing is scored.
   */
  public static final int NO_PYTHON_PROJECT = 4;

  private ExitCodes() {}
}
