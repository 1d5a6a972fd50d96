package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
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
 * PY-IO-007 (assisted): a transaction around every request, so the code never states its own
 * boundaries: Django {@code "ATOMIC_REQUESTS": True} and Flask-SQLAlchemy {@code
 * SQLALCHEMY_COMMIT_ON_TEARDOWN = True}.
 */
public final class ImplicitTransactions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-IO-007",
              Set.of(Profile.API),
              "Open transactions where the use case needs them (transaction.atomic(), session"
                  + " blocks) instead of one implicit transaction per request.")
          .defined(
              "FAIL per \"ATOMIC_REQUESTS\": True (Django DATABASES) and per"
                  + " SQLALCHEMY_COMMIT_ON_TEARDOWN = True in product code; else MANUAL."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> IMPLICIT =
      Set.of("ATOMIC_REQUESTS", "SQLALCHEMY_COMMIT_ON_TEARDOWN");

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
    for (LiteralPair pair : module.literalPairs()) {
      if (IMPLICIT.contains(pair.key()) && isTrue(pair.value())) {
        findings.add(finding(module, pair.key(), pair.line()));
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (IMPLICIT.contains(assignment.name()) && isTrue(assignment.value())) {
        findings.add(finding(module, assignment.name(), assignment.line()));
      }
    }
    return findings;
  }

  private static Evidence finding(PythonModule module, String key, int line) {
    return Evidence.at(
        module.path(), line, key + " = True wraps every request in one implicit transaction");
  }

  private static boolean isTrue(PyValue value) {
    return value instanceof PyValue.Bool bool && bool.value();
  }
}
