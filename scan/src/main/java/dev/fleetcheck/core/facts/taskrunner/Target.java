package dev.fleetcheck.core.facts.taskrunner;

import java.util.List;

/**
 * One task runner target: the runner kind ({@code make}, {@code just}, {@code task}, {@code poe},
 * {@code hatch}, {@code nox}, {@code tox}), its exact name, where it is defined, and the command
 * lines it runs, prerequisites and invoked sibling targets followed.
 */
public record Target(String runner, String name, String path, int line, List<String> commands) {

  public Target {
    commands = List.copyOf(commands);
  }

  /** "`dev` (make, Makefile:3)" for evidence messages. */
  public String describe() {
    return "`" + name + "` (" + runner + ", " + path + (line > 0 ? ":" + line : "") + ")";
  }
}
