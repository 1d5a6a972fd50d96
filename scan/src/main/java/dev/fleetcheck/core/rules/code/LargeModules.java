package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
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
 * PY-CODE-006 (assisted): a module over 1,000 non-blank lines or with more than 40 top-level
 * definitions.
 */
public final class LargeModules implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-006",
              Set.of(Profile.PYTHON),
              "Split modules over 1,000 lines or with more than 40 top-level definitions by responsibility.")
          .defined(
              "FAIL per product module with more than 1,000 non-blank lines or more than 40 top-level defs and classes; else MANUAL (single responsibility). NOT_APPLICABLE without product code. Narrowed: a module in a vendored-code folder (thirdparty/, third_party/, vendor/, _vendor/, vendored/, extern/) is a copied library's, not the repository's own to split.",
              Effort.MEDIUM);

  private static final int MAX_LINES = 1000;
  private static final int MAX_DEFINITIONS = 40;

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
    if (module.codeLines() > MAX_LINES) {
      findings.add(
          Evidence.file(
              module.path(), module.codeLines() + " non-blank lines (over " + MAX_LINES + ")"));
    }
    long definitions = module.extents().stream().filter(e -> e.depth() == 0).count();
    if (definitions > MAX_DEFINITIONS) {
      findings.add(
          Evidence.file(
              module.path(),
              definitions + " top-level definitions (over " + MAX_DEFINITIONS + ")"));
    }
    return findings;
  }
}
