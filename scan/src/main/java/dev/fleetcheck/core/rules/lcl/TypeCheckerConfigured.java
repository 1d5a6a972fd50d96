package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PY-LCL-013: a static type checker (mypy or pyright, basedpyright included) is configured ({@code
 * [tool.mypy]}, {@code [tool.pyright]}, mypy.ini, .mypy.ini, pyrightconfig.json, setup.cfg {@code
 * [mypy]}) or declared as a dependency.
 */
public final class TypeCheckerConfigured implements Rule {

  private static final List<String> TOOLS = List.of("mypy", "pyright", "basedpyright");
  private static final List<String> FILES = List.of("mypy.ini", ".mypy.ini", "pyrightconfig.json");

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-013",
              Profile.PYTHON,
              "Add a type checker: `uv add --dev mypy` and configure it under `[tool.mypy]` in"
                  + " pyproject.toml (for example `strict = true`), then run it from the `lint` target.")
          .defined(
              "PASS when mypy or pyright is configured (a config section or file) or "
                  + "declared as a dependency, else FAIL.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (Pyproject.RootPyproject py : context.fact(Pyproject.AT_ROOTS)) {
      for (String tool : TOOLS) {
        if (py.has("tool", tool)) {
          found.add(Evidence.file(py.path(), tool + " configured in [tool." + tool + "]"));
        }
      }
    }
    for (String name : FILES) {
      ConfigRoots.existing(context.facts(), name)
          .forEach(path -> found.add(Evidence.file(path, "type checker configuration file")));
    }
    for (String setupCfg : ConfigRoots.existing(context.facts(), "setup.cfg")) {
      Optional<IniFile> ini = ConfigParsers.ini(context.facts(), setupCfg).asOptional();
      if (ini.map(i -> i.hasSection("mypy")).orElse(false)) {
        found.add(Evidence.file(setupCfg, "mypy configured in [mypy]"));
      }
    }
    DeclaredDependencies dependencies = context.fact(Dependencies.FACT);
    for (String tool : TOOLS) {
      dependencies.where(tool).ifPresent(found::add);
    }
    if (!found.isEmpty()) {
      return Outcome.pass(found);
    }
    return Outcome.fail(
        Evidence.repository(
            "no type checker configured or declared: no [tool.mypy]/[tool.pyright], mypy.ini,"
                + " pyrightconfig.json, setup.cfg [mypy], or mypy/pyright dependency"));
  }
}
