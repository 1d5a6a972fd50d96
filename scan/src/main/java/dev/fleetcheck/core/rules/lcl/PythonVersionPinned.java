package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.PythonVersionDeclarations;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;

/** PY-LCL-007: the Python version is pinned or constrained somewhere a tool reads it. */
public final class PythonVersionPinned implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-007",
              Profile.PYTHON,
              "Pin the Python version: commit a `.python-version` file (`uv python pin 3.12`) and set"
                  + " `requires-python = \">=3.12\"` in the `[project]` table of pyproject.toml.")
          .defined(
              "PASS when `.python-version` holds a version or `[project] "
                  + "requires-python` is set, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> declarations = context.fact(PythonVersionDeclarations.FACT);
    if (!declarations.isEmpty()) {
      return Outcome.pass(declarations);
    }
    if (context.snapshot().exists(".python-version")) {
      return Outcome.fail(Evidence.file(".python-version", "holds no Python version"));
    }
    return Outcome.fail(
        Evidence.repository(
            "no Python version pinned: looked for .python-version, [project] requires-python,"
                + " poetry's python dependency, python_requires (setup.cfg, setup.py), Pipfile"
                + " [requires], runtime.txt, .tool-versions and SAM/Serverless Python runtimes"));
  }
}
