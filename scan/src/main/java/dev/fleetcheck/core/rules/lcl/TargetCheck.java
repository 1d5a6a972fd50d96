package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunnerSet;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shared judgement of the task runner rules: do targets with these exact names exist? */
final class TargetCheck {

  static final String RUNNERS_LOOKED_FOR =
      "Makefile, justfile, Taskfile.yml, [tool.poe.tasks], hatch scripts, noxfile.py, tox";

  private TargetCheck() {}

  /**
   * PASS naming the runner of each target, or FAIL listing the missing names and where we looked.
   */
  static Outcome requireAll(RuleContext context, String... names) {
    TaskRunnerSet runners = context.fact(TaskRunners.FACT);
    List<Evidence> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      Optional<Target> target = runners.target(name);
      if (target.isPresent()) {
        found.add(evidence(target.get()));
      } else {
        missing.add(name);
      }
    }
    if (missing.isEmpty()) {
      return Outcome.pass(found);
    }
    return Outcome.fail(missingEvidence(runners, missing));
  }

  static Evidence evidence(Target target) {
    return Evidence.at(
        target.path(), target.line(), "`" + target.name() + "` target (" + target.runner() + ")");
  }

  static Evidence missingEvidence(TaskRunnerSet runners, List<String> missing) {
    String names = String.join(", ", missing.stream().map(n -> "`" + n + "`").toList());
    String what = missing.size() == 1 ? "no " + names + " target" : "missing targets " + names;
    return missingEvidence(runners, what);
  }

  /** FAIL evidence: {@code what} is missing, and which runner files were searched. */
  static Evidence missingEvidence(TaskRunnerSet runners, String what) {
    if (runners.files().isEmpty()) {
      return Evidence.repository(
          what
              + ": no task runner at the repository root or workspace members (looked for "
              + RUNNERS_LOOKED_FOR
              + ")");
    }
    return Evidence.file(
        runners.files().get(0),
        what + " in " + runners.describeFiles() + " (names must match exactly)");
  }
}
