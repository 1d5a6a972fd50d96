package dev.fleetcheck.core.rules.style;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.Layout;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-STYLE-004: two blank lines around top-level definitions, exactly as pycodestyle reports E302
 * and E305 at its defaults (RULES-NEXT decision; comments count as pycodestyle counts them, E303
 * "too many" is not this rule and takes precedence as in pycodestyle). A {@code # noqa} naming
 * E302/E305 (or bare) on the line exempts it, as flake8 does. Product {@code .py} files only.
 * Consecutive {@code @overload} stubs are exempt (RULES-NEXT row): a top-level def that directly
 * follows an {@code @overload} stub of the same name, the next stub or the implementation that
 * closes the group, is not reported even where pycodestyle's one-liner rule does not cover it (a
 * stub whose signature spans lines).
 */
public final class TopLevelSpacing implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-STYLE-004",
              Profile.PYTHON,
              "Put two blank lines before and after top-level functions and classes (`ruff format`"
                  + " does it; ruff's E302/E305 rules report what is left).")
          .defined(
              "FAIL on exactly what pycodestyle 2.x reports as E302 (expected 2 blank "
                  + "lines before a top-level `def`/`async def`/`class` or its first "
                  + "decorator) and E305 (after a top-level `def`/`class` body) at its "
                  + "defaults, ported rule for rule: comment lines split blank runs and the "
                  + "longest run counts, the file start and decorated defs are exempt, a "
                  + "group of one-liners may sit together, and E303 (too many) takes "
                  + "precedence and is not reported. A `# noqa` (bare or naming E302/E305) "
                  + "on the line exempts it, as flake8 does. Consecutive `@overload` stubs are "
                  + "exempt, as the row says: a top-level def (or its decorator) directly "
                  + "after an `@overload` stub of the same name, the next stub or the "
                  + "implementation closing the group, is not reported (Narrowed: pycodestyle "
                  + "exempts only one-line stubs). One finding per occurrence, "
                  + "product `.py` files only (`python.LayoutAnalyzer`, computed in the "
                  + "module's one analysis pass)",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      for (Layout.Spacing spacing : module.layout().spacing()) {
        if (spacing.code().equals("E302") && followsOverloadStub(module.functions(), spacing)) {
          continue;
        }
        findings.add(Evidence.at(module.path(), spacing.line(), message(spacing)));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            "top-level definitions have two blank lines around them ("
                + modules.size()
                + " files checked)"));
  }

  /**
   * Whether the definition reported at {@code spacing} (its first decorator or its def line)
   * directly follows an {@code @overload} stub of the same name: the def at or after that line and
   * the def before it, which must be a top-level function decorated with {@code overload}.
   */
  static boolean followsOverloadStub(List<FunctionDef> functions, Layout.Spacing spacing) {
    FunctionDef previous = null;
    for (FunctionDef function : functions) {
      if (function.line() >= spacing.line()) {
        return previous != null
            && !previous.method()
            && previous.name().equals(function.name())
            && previous.decorators().stream().anyMatch(TopLevelSpacing::isOverload);
      }
      previous = function;
    }
    return false;
  }

  private static boolean isOverload(String decorator) {
    return decorator.equals("overload") || decorator.endsWith(".overload");
  }

  private static String message(Layout.Spacing spacing) {
    return spacing.code().equals("E302")
        ? "E302 expected 2 blank lines before a top-level definition, found " + spacing.found()
        : "E305 expected 2 blank lines after a class or function definition, found "
            + spacing.found();
  }
}
