package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunnerSet;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;

/**
 * PY-LCL-019: one command uses the dev image: a docker-test/docker-run target or .devcontainer/.
 */
public final class ContainerCommandTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-019",
              Profile.PYTHON,
              "Add a `docker-test` (or `docker-run`) target to the Makefile that builds the dev image and"
                  + " runs the tests inside it (`docker build -t app-dev . && docker run --rm app-dev"
                  + " make test`), or provide a `.devcontainer/devcontainer.json`.")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `docker-test` or `docker-run` target, or `.devcontainer/` "
                  + "exists; else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TaskRunnerSet runners = context.fact(TaskRunners.FACT);
    for (String name : List.of("docker-test", "docker-run")) {
      Optional<Target> target = runners.target(name);
      if (target.isPresent()) {
        return Outcome.pass(TargetCheck.evidence(target.get()));
      }
    }
    ContainerFiles containers = context.fact(ContainerFiles.FACT);
    if (containers.hasDevcontainer()) {
      return Outcome.pass(
          Evidence.file(containers.devcontainer().get(0), "dev container definition"));
    }
    Evidence missing =
        TargetCheck.missingEvidence(runners, "no `docker-test` or `docker-run` target");
    return Outcome.fail(
        new Evidence(
            missing.path(), missing.line(), missing.message() + "; no .devcontainer/ either"));
  }
}
