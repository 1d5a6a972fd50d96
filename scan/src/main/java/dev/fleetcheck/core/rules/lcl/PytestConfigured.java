package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.facts.python.PytestConfig;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/** PY-LCL-012: pytest is configured (any config section, a conftest.py) or declared. */
public final class PytestConfigured implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-012",
              Profile.PYTHON,
              "Use pytest: `uv add --dev pytest` and configure it in pyproject.toml under"
                  + " `[tool.pytest.ini_options]` (testpaths, markers, addopts).")
          .defined(
              "PASS when pytest is configured or declared "
                  + "(`[tool.pytest.ini_options]`, `pytest.ini`, `[tool:pytest]` in "
                  + "setup.cfg, `[pytest]` in tox.ini, `conftest.py`, or pytest in a "
                  + "dependency list), else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PytestConfig pytest = context.fact(PytestConfig.FACT);
    List<Evidence> found = new ArrayList<>(pytest.configuredAt());
    if (!pytest.conftests().isEmpty()) {
      found.add(pytest.conftests().get(0));
    }
    context.fact(Dependencies.FACT).where("pytest").ifPresent(found::add);
    if (!found.isEmpty()) {
      return Outcome.pass(found);
    }
    return Outcome.fail(
        Evidence.repository(
            "pytest is neither configured nor declared: no [tool.pytest.ini_options] or"
                + " [tool.pytest], pytest.ini, [tool:pytest] in setup.cfg, [pytest] in tox.ini,"
                + " conftest.py, or pytest in any dependency list"));
  }
}
