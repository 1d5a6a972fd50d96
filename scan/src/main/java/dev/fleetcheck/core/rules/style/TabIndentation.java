package dev.fleetcheck.core.rules.style;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import java.util.List;

/**
 * PY-STYLE-001: no Python file indents a logical line with a tab (one finding per file, at its
 * first such line). Continuation lines inside brackets are alignment, not indentation.
 */
public final class TabIndentation implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-STYLE-001",
              Profile.PYTHON,
              "Indent with four spaces, never tabs: run `ruff format` (or configure the editor to"
                  + " insert spaces).")
          .defined(
              "FAIL per product `.py` file that indents with tabs (one finding per "
                  + "file, its first such line); PASS otherwise.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ModuleFindings.outcome(context, this, "no Python file indents with tabs");
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    int line = module.firstTabIndentedLine();
    if (line == 0) {
      return List.of();
    }
    return List.of(Evidence.at(module.path(), line, "indents with tabs (first tab-indented line)"));
  }
}
