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

/** PY-CODE-004 (assisted): a function or method with more than 50 statements. */
public final class LongFunctions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-004",
              Set.of(Profile.PYTHON),
              "Split functions with more than 50 statements into smaller functions that each do one thing.")
          .defined(
              "FAIL per product function or method with more than 50 statements, counted as Pylint's"
                  + " too-many-statements counts them (its default threshold; nested bodies count,"
                  + " an except clause counts two, the headers try, for, while, def and class none);"
                  + " else MANUAL (single purpose). NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final int MAX_STATEMENTS = 50;

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
      if (extent.kind() == Blocks.Kind.DEF && extent.statements() > MAX_STATEMENTS) {
        findings.add(
            Evidence.at(
                module.path(),
                extent.line(),
                extent.name()
                    + " has "
                    + extent.statements()
                    + " statements (over "
                    + MAX_STATEMENTS
                    + ")"));
      }
    }
    return findings;
  }
}
