package dev.fleetcheck.core.rules.op;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-OP-007 (assisted): I/O and heavy work at import time in product code ({@link ImportTimeWork}).
 */
public final class ImportTimeIo implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OP-007",
              Set.of(Profile.PYTHON),
              "Move network calls, subprocesses, database connections, AWS operations and model"
                  + " loading out of module level into functions or lazily initialised helpers.")
          .defined(
              "FAIL per module-level call in product code (outside def/class bodies, if __name__"
                  + " == \"__main__\" and if TYPE_CHECKING) that does outbound HTTP, subprocess,"
                  + " os.system, time.sleep, socket or DB connects, an AWS operation on a boto3"
                  + " client/resource, or model loading (torch/joblib/pickle.load, pandas.read_*,"
                  + " from_pretrained, SentenceTransformer); client construction and __main__.py,"
                  + " setup.py, noxfile.py, manage.py, conf.py are exempt. Else MANUAL."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings =
        context.fact(ImportTimeWork.FACT).values().stream().flatMap(List::stream).toList();
    return Outcome.assisted(findings);
  }
}
