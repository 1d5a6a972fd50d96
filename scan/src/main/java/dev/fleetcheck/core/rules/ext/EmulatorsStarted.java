package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.emulator.Emulator;
import dev.fleetcheck.core.facts.emulator.Emulators;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-EXT-006: emulators the repository uses are started by tooling, not by hand (RULES-NEXT, class
 * A; "Emulators" decision). What must be started: an emulator service in a compose file (brought up
 * by {@code docker compose up|run}, a dev container or a pytest-docker plugin), LocalStack
 * configuration, and an {@code endpoint_url} on a local host in Python code (anything that starts
 * an emulator counts for those). Testcontainers, CI {@code services:} and a {@code docker run} in a
 * target start what they run. No emulator at all is NOT_APPLICABLE.
 */
public final class EmulatorsStarted implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-EXT-006",
              Profile.PYTHON,
              "Start emulators from tooling: a task runner target (`make up`: `docker compose up -d"
                  + " --wait`) that the test or CI flow runs, CI `services:`, or testcontainers /"
                  + " pytest-docker fixtures, instead of a README step.")
          .defined(
              "PASS when every emulator something must start is started by tooling: "
                  + "an emulator service in a compose file needs `docker compose "
                  + "up|run|start` (or podman) in a task runner target, a CI step or a "
                  + "shell script outside test code, a dev container `dockerComposeFile`, "
                  + "or pytest-docker/pytest-docker-compose; LocalStack configuration and "
                  + "an `endpoint_url` literal on a local host (loopback, "
                  + "`host.docker.internal`, a single-label compose name) in Python code "
                  + "need any starter (those, a `docker run <emulator image>`, `localstack "
                  + "start`, CI job `services:`, testcontainers, moto's "
                  + "`ThreadedMotoServer`). Narrowed: comment and `echo` lines start "
                  + "nothing, and a `docker run` in a README is not a use; an emulator used "
                  + "only through testcontainers passes; none at all is NOT_APPLICABLE",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Emulators emulators = context.fact(Emulators.FACT);
    boolean started =
        emulators.emulators().stream().anyMatch(e -> e.setup() == Emulator.Setup.STARTED);
    if (emulators.needsStart().isEmpty() && !started) {
      return Outcome.notApplicable(
          "no emulator to start: no emulator service in a compose file, no LocalStack"
              + " configuration, no endpoint_url on a local host, no testcontainers");
    }
    List<Evidence> unstarted = new ArrayList<>();
    for (Emulators.Need need : emulators.needsStart()) {
      boolean startedByTooling =
          emulators.starters().stream().anyMatch(s -> s.compose() || !need.compose());
      if (!startedByTooling) {
        Evidence where = need.where();
        unstarted.add(
            new Evidence(
                where.path(),
                where.line(),
                where.message()
                    + (need.compose()
                        ? ", but no target, CI step, script, dev container or pytest plugin"
                            + " brings up compose"
                        : ", but nothing in the repository starts an emulator (target, CI step"
                            + " or service, script, testcontainers, pytest plugin)")));
      }
    }
    if (!unstarted.isEmpty()) {
      return Outcome.fail(unstarted);
    }
    return Outcome.pass(emulators.starters().stream().map(Emulators.Starter::where).toList());
  }
}
