package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-CODE-010 (assisted): a function whose McCabe complexity (as Ruff's C901 counts it) exceeds 15.
 */
public final class ComplexFunctions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-010",
              Set.of(Profile.PYTHON),
              "Split functions whose complexity exceeds 15 into small, separately testable helpers.")
          .defined(
              "FAIL per product function or method whose McCabe complexity, counted as Ruff's C901 counts"
                  + " it (one plus the statements if, elif, for, while, each except clause, a try's"
                  + " else, each case but a last irrefutable one, and each nested def with its own"
                  + " decision points; boolean operators, conditional expressions and comprehensions"
                  + " do not count), exceeds 15; else MANUAL. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final int MAX_COMPLEXITY = 15;

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (Extent extent : module.extents()) {
      if (extent.kind() == Blocks.Kind.DEF && extent.complexity() > MAX_COMPLEXITY) {
        findings.add(
            Evidence.at(
                module.path(),
                extent.line(),
                extent.name()
                    + " has complexity "
                    + extent.complexity()
                    + " (over "
                    + MAX_COMPLEXITY
                    + ")"));
      }
    }
    return findings;
  }
}
