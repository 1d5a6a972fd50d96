package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.container.DockerInstruction;
import dev.fleetcheck.core.facts.container.Dockerfile;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-LCL-020 (assisted): container support that replaced native development or drifted from it: the
 * {@code lint}, {@code test} or {@code dev} target runs in a container, or a Python base image has
 * another minor version than {@code .python-version}. Left out: {@code COPY}/{@code ADD} sources
 * missing from the build context.
 */
public final class ContainerDrift implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-LCL-020",
              Set.of(Profile.PYTHON),
              "Keep lint/test/dev runnable natively and keep the container on the Python version"
                  + " of .python-version.")
          .defined(
              "Applies when a container file exists. FAIL when the lint, test or dev target runs"
                  + " docker, docker compose, podman or devcontainer exec, or a python:X.Y /"
                  + " uv:pythonX.Y base image differs in X.Y from .python-version; else MANUAL"
                  + " (COPY sources not checked).",
              Effort.LOW);

  private static final List<String> TARGETS = List.of("lint", "test", "dev");
  private static final Pattern CONTAINER_COMMAND =
      Pattern.compile("(?:^|[\\s;&|(])(?:docker(?:-compose)?|podman|devcontainer\\s+exec)\\s");
  private static final Pattern BASE_PYTHON =
      Pattern.compile("(?:^|/)(?:python:|uv:python)(\\d+\\.\\d+)");
  private static final Pattern PINNED = Pattern.compile("^\\s*(?:cpython-|python-?)?(\\d+\\.\\d+)");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    ContainerFiles containers = context.fact(ContainerFiles.FACT);
    if (!containers.any()) {
      return Outcome.notApplicable("no container file");
    }
    List<Evidence> findings = new ArrayList<>();
    for (String name : TARGETS) {
      Optional<Target> target = context.fact(TaskRunners.FACT).target(name);
      if (target.isPresent()
          && target.get().commands().stream()
              .map(c -> c.replaceAll("\\s#.*$", ""))
              .anyMatch(c -> CONTAINER_COMMAND.matcher(" " + c).find())) {
        findings.add(
            Evidence.at(
                target.get().path(),
                Math.max(target.get().line(), 1),
                "target "
                    + name
                    + " runs only in a container: native development is not possible"));
      }
    }
    Optional<String> pinned = pinnedMinor(context);
    if (pinned.isPresent()) {
      for (String path : containers.containerfiles()) {
        for (DockerInstruction from :
            Dockerfile.parse(context.snapshot().readText(path).orElse(""))) {
          if (!from.keyword().equals("FROM")) {
            continue;
          }
          Matcher image = BASE_PYTHON.matcher(from.arguments().strip().split("\\s+")[0]);
          if (image.find() && !image.group(1).equals(pinned.get())) {
            findings.add(
                Evidence.at(
                    path,
                    from.line(),
                    "base image Python "
                        + image.group(1)
                        + " differs from .python-version "
                        + pinned.get()));
          }
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> pinnedMinor(RuleContext context) {
    return context
        .snapshot()
        .readText(".python-version")
        .flatMap(
            text -> {
              Matcher m = PINNED.matcher(text);
              return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            });
  }
}
