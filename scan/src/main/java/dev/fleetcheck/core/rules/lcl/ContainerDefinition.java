package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/** PY-LCL-018: a dev image exists: a Dockerfile/Containerfile or a dev container definition. */
public final class ContainerDefinition implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-018",
              Profile.PYTHON,
              "Add a lightweight dev image: a `Dockerfile` based on a pinned `python:3.x-slim` image"
                  + " with uv, the project's dependencies and the task runner, or a"
                  + " `.devcontainer/devcontainer.json`.")
          .defined(
              "PASS when a `Dockerfile`/`Containerfile` or "
                  + "`.devcontainer/devcontainer.json` exists, else FAIL.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    ContainerFiles files = context.fact(ContainerFiles.FACT);
    List<Evidence> found = new ArrayList<>();
    files.containerfiles().stream()
        .limit(3)
        .forEach(p -> found.add(Evidence.file(p, "container file")));
    if (files.hasDevcontainer()) {
      found.add(Evidence.file(files.devcontainer().get(0), "dev container definition"));
    }
    if (!found.isEmpty()) {
      return Outcome.pass(found);
    }
    return Outcome.fail(
        Evidence.repository(
            "no Dockerfile, Dockerfile.*, *.Dockerfile or Containerfile outside test code, and no"
                + " .devcontainer/"));
  }
}
