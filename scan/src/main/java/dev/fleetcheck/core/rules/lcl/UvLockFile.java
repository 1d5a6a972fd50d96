package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.LockFile;
import dev.fleetcheck.core.facts.python.LockFiles;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.facts.python.RequirementsFiles;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;

/** PY-LCL-009: uv manages the project: {@code uv.lock} at the root or a uv workspace root. */
public final class UvLockFile implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-009",
              Profile.PYTHON,
              "Adopt uv as the project manager: `uv init` (or `uv add` the existing requirements),"
                  + " then `uv lock` and commit `uv.lock` at the repository root.")
          .defined(
              "PASS when `uv.lock` is at the root (or a uv workspace root); otherwise "
                  + "FAIL naming the package manager found.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LockFile> locks = context.fact(LockFiles.FACT);
    Optional<LockFile> uv = locks.stream().filter(l -> l.manager().equals("uv")).findFirst();
    if (uv.isPresent()) {
      return Outcome.pass(Evidence.file(uv.get().path(), "uv lock file"));
    }
    return Outcome.fail(managerFound(context, locks));
  }

  private static Evidence managerFound(RuleContext context, List<LockFile> locks) {
    if (!locks.isEmpty()) {
      LockFile lock = locks.get(0);
      return Evidence.file(
          lock.path(), "no uv.lock; the project is managed by " + lock.manager() + " instead");
    }
    for (Pyproject.RootPyproject py : context.fact(Pyproject.AT_ROOTS)) {
      for (String tool : List.of("uv", "poetry", "pdm", "hatch")) {
        if (py.has("tool", tool)) {
          String message =
              tool.equals("uv")
                  ? "uv is configured ([tool.uv]) but uv.lock is not committed"
                  : "no uv.lock; the project is managed by " + tool + " ([tool." + tool + "])";
          return Evidence.file(py.path(), message);
        }
      }
    }
    for (String file : List.of("Pipfile", "environment.yml", "environment.yaml")) {
      if (context.snapshot().exists(file)) {
        String manager = file.equals("Pipfile") ? "pipenv" : "conda";
        return Evidence.file(file, "no uv.lock; the project is managed by " + manager);
      }
    }
    if (!context.fact(RequirementsFiles.FACT).isEmpty()) {
      return Evidence.file(
          context.fact(RequirementsFiles.FACT).get(0).path(),
          "no uv.lock; dependencies are managed with pip requirements files");
    }
    for (String file : List.of("setup.py", "setup.cfg", "pyproject.toml")) {
      if (context.snapshot().exists(file)) {
        return Evidence.file(
            file, "no uv.lock; no package manager lock file at all (setuptools/pip metadata only)");
      }
    }
    return Evidence.repository("no uv.lock and no package manager found at the repository root");
  }
}
