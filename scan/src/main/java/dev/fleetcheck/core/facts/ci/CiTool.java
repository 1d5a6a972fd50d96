package dev.fleetcheck.core.facts.ci;

/** What PY-QG-001 and PY-QG-002 ask CI to run. */
public enum CiTool {
  /** The linter is Ruff: black, flake8 or pylint alone do not count (RULES.md, "Decisions"). */
  LINTER("Ruff", "ruff"),
  /** Any Python test runner: pytest, unittest, tox, nox (JavaScript runners do not count). */
  TESTS("the tests", "pytest");

  private final String displayName;
  private final String hookKeyword;

  CiTool(String displayName, String hookKeyword) {
    this.displayName = displayName;
    this.hookKeyword = hookKeyword;
  }

  public String displayName() {
    return displayName;
  }

  /** A pre-commit hook whose id contains this word runs the tool. */
  String hookKeyword() {
    return hookKeyword;
  }
}
