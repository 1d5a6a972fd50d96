package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Coverage;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-TST-005: each test says briefly what it checks and why. Over every {@code test_*} function and
 * method in test code (RULES-NEXT decision; test code under the top-level examples/, docs/, ...
 * folders is not the project's), at least 80% (the PY-DOC-001 threshold) have a docstring, a
 * comment directly above the def or its decorators, a comment on the def line, or a comment as the
 * first line of the body.
 */
public final class ExplainedTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-TST-005",
              Profile.PYTHON,
              "Start each test with a one-line docstring (or a comment) saying what it checks and"
                  + " why, e.g. `\"\"\"Expired tokens get 401, so clients refresh.\"\"\"`.")
          .defined(
              "PASS when at least 80% (PY-DOC-001's threshold) of the `test_*` "
                  + "functions and methods in test code (not under the top-level "
                  + "`examples/`, `docs/`, `scripts/`, ... folders) have a docstring, a "
                  + "comment on the line directly above the def or its first decorator, a "
                  + "comment on the def line, or a comment as the first body line; "
                  + "evidence: the percentage and the first 20 unexplained tests",
              Effort.MEDIUM);

  static final String POPULATION =
      "test_* functions and methods in test code; the top-level examples/, docs/, scripts/,"
          + " release/, benchmark(s)/ not counted";

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    ProfileScope scope = context.fact(ProfileScope.FACT);
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<Coverage.Item> items = new ArrayList<>();
    for (PythonModule module : codebase.testModules()) {
      if (!scope.inExcludedFolder(module.path())) {
        tests(module, items);
      }
    }
    return new Coverage(items)
        .outcome(
            "tests say what they check (docstring or comment)", "no test functions", POPULATION);
  }

  private static void tests(PythonModule module, List<Coverage.Item> items) {
    for (FunctionDef function : module.functions()) {
      if (!function.name().startsWith("test_")) {
        continue;
      }
      boolean explained =
          function.hasDocstring()
              || module.layout().commentedDefinitions().contains(function.line());
      items.add(
          new Coverage.Item(
              module.path(),
              function.line(),
              explained,
              "test " + function.name() + " has no docstring or comment saying what it checks"));
    }
  }
}
