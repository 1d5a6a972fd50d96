package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Coverage;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-CODE-008: at least 80% of public functions and methods in product code ({@link
 * Coverage#productModules}) annotate every parameter ({@code self}/{@code cls} excepted) and the
 * return.
 */
public final class TypeHintCoverage implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-CODE-008",
              Profile.PYTHON,
              "Annotate every parameter and the return type of public functions, and check them with"
                  + " mypy or pyright.")
          .defined(
              "FAIL when fewer than 80% of the public functions of product code "
                  + "annotate every parameter and the return (evidence: the percentage and "
                  + "the first 20 missing); PASS otherwise; NOT_APPLICABLE with no public "
                  + "function.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    return tally(Coverage.productModules(context))
        .outcome(
            "public functions annotate every parameter and the return",
            "no public function in product code");
  }

  public Coverage tally(List<PythonModule> modules) {
    List<Coverage.Item> items = new ArrayList<>();
    for (PythonModule module : modules) {
      if (!module.publicApi()) {
        continue;
      }
      for (FunctionDef function : module.functions()) {
        if (function.publicApi()) {
          items.add(
              new Coverage.Item(
                  module.path(), function.line(), function.fullyAnnotated(), missing(function)));
        }
      }
    }
    return new Coverage(items);
  }

  private static String missing(FunctionDef function) {
    List<String> parts = new ArrayList<>(function.unannotatedParameters());
    if (!function.returnAnnotated()) {
      parts.add("the return");
    }
    return "public "
        + (function.method() ? "method " : "function ")
        + function.name()
        + " lacks annotations for: "
        + String.join(", ", parts);
  }
}
