package dev.fleetcheck.core.facts.ci;

import dev.fleetcheck.core.facts.precommit.Hook;
import java.util.List;
import java.util.Optional;

/**
 * What following a CI command needs to read: the repository's task runner targets, its pre-commit
 * hooks and its scripts. Kept narrow so the tracer can be tested on its own.
 */
interface TraceSources {

  /** The target {@code name} of the task runner CI invoked ({@code make}, {@code just}, ...). */
  Optional<RunnerTarget> target(Runner runner, String name);

  /** The hooks of the repository's pre-commit configuration, empty when there is none. */
  List<Hook> hooks();

  /** Where the pre-commit configuration is, for evidence. */
  String preCommitPath();

  /** A tracked file's text, empty when it is not tracked or cannot be read. */
  Optional<String> readText(String path);

  /** The task runners CI can invoke by name. */
  enum Runner {
    MAKE("make"),
    JUST("just"),
    TASK("task"),
    POE("poe"),
    HATCH("hatch"),
    TOX("tox"),
    NOX("nox");

    private final String command;

    Runner(String command) {
      this.command = command;
    }

    String command() {
      return command;
    }
  }

  /** A task runner target and the commands it runs, prerequisites included. */
  record RunnerTarget(String path, int line, List<String> commands) {
    public RunnerTarget {
      commands = List.copyOf(commands);
    }
  }
}
