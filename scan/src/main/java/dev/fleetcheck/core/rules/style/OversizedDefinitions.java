package dev.fleetcheck.core.rules.style;

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
import dev.fleetcheck.core.rules.detect.VendoredCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-STYLE-005 (assisted): a function over 100 lines or a class over 500 lines, beyond one screen.
 */
public final class OversizedDefinitions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-STYLE-005",
              Set.of(Profile.PYTHON),
              "Split functions longer than 100 lines and classes longer than 500 lines.")
          .defined(
              "FAIL per product function longer than 100 lines or class longer than 500 lines (header to last body line); else MANUAL. NOT_APPLICABLE without product code. Narrowed: a module in a vendored-code folder (thirdparty/, third_party/, vendor/, _vendor/, vendored/, extern/) is a copied library's, not the repository's own to split.",
              Effort.MEDIUM);

  private static final int MAX_FUNCTION_LINES = 100;
  private static final int MAX_CLASS_LINES = 500;

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
    if (VendoredCode.in(module.path())) {
      return findings;
    }
    for (Extent extent : module.extents()) {
      int limit = extent.kind() == Blocks.Kind.CLASS ? MAX_CLASS_LINES : MAX_FUNCTION_LINES;
      if (extent.lines() > limit) {
        findings.add(
            Evidence.at(
                module.path(),
                extent.line(),
                extent.name() + " spans " + extent.lines() + " lines (over " + limit + ")"));
      }
    }
    return findings;
  }
}
