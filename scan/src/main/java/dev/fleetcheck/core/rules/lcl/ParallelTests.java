package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.facts.python.PytestConfig;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/** PY-LCL-024: tests can run in parallel: pytest-xdist declared, or {@code -n auto} used. */
public final class ParallelTests implements Rule {

  private static final Pattern XDIST_OPTION =
      Pattern.compile("(?:^|\\s)(?:-n\\s*=?\\s*|--numprocesses[=\\s]+)(?:auto|logical|\\d+)\\b");

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-024",
              Profile.PYTHON,
              "Run tests in parallel where safe: `uv add --dev pytest-xdist` and use `pytest -n auto`"
                  + " (in the `test` target or `addopts`).")
          .defined(
              "PASS when pytest-xdist is declared or `-n auto` is in the pytest "
                  + "options or the test target, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Evidence> declared = context.fact(Dependencies.FACT).where("pytest-xdist");
    if (declared.isPresent()) {
      return Outcome.pass(declared.get());
    }
    PytestConfig pytest = context.fact(PytestConfig.FACT);
    for (String addopts : pytest.addopts()) {
      if (XDIST_OPTION.matcher(addopts).find()) {
        Evidence where =
            pytest.configuredAt().isEmpty()
                ? Evidence.repository("-n in pytest addopts")
                : pytest.configuredAt().get(0);
        return Outcome.pass(
            new Evidence(where.path(), where.line(), "pytest addopts run tests in parallel (-n)"));
      }
    }
    Optional<Target> test = context.fact(TaskRunners.FACT).target("test");
    if (test.isPresent()
        && test.get().commands().stream().anyMatch(c -> XDIST_OPTION.matcher(c).find())) {
      return Outcome.pass(
          Evidence.at(
              test.get().path(),
              test.get().line(),
              "`test` target (" + test.get().runner() + ") runs pytest with -n"));
    }
    return Outcome.fail(
        Evidence.repository(
            "no parallel test run: pytest-xdist is not declared, and neither pytest addopts nor"
                + " the `test` target pass `-n auto`"));
  }
}
