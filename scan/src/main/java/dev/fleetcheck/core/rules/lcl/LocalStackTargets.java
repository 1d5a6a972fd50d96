package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.container.ComposeFiles;
import dev.fleetcheck.core.facts.container.LocalStackConfig;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-LCL-006: an API or Lambda repository with a local stack (a compose file or LocalStack
 * configuration) has {@code up} and {@code down} targets. A SAM template is not a local stack.
 */
public final class LocalStackTargets implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-006",
              Set.of(Profile.API, Profile.LAMBDA),
              "Add `up` and `down` targets to the Makefile (or equivalent task runner) that start and"
                  + " stop the local dependency stack (`docker compose up -d --wait` and `docker"
                  + " compose down -v`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has `up` and `down` targets, else FAIL; NOT_APPLICABLE without a "
                  + "compose file or emulator configuration.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<String> stack = new ArrayList<>(context.fact(ComposeFiles.FACT).paths());
    stack.addAll(context.fact(LocalStackConfig.FACT));
    if (stack.isEmpty()) {
      return Outcome.notApplicable(
          "no compose file or LocalStack configuration, so no local stack to start (a SAM"
              + " template is not a local stack)");
    }
    Outcome targets = TargetCheck.requireAll(context, "up", "down");
    List<Evidence> evidence = new ArrayList<>(targets.evidence());
    evidence.add(Evidence.file(stack.get(0), "local stack definition"));
    return targets instanceof Outcome.Pass ? Outcome.pass(evidence) : Outcome.fail(evidence);
  }
}
