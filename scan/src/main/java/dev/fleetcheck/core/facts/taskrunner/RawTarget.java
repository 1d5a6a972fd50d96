package dev.fleetcheck.core.facts.taskrunner;

import java.util.List;

/**
 * A target as one runner file declares it, before prerequisites are followed: its own command
 * lines, the sibling targets that run before it, and the sibling targets its commands invoke.
 */
record RawTarget(
    String name, int line, List<String> commands, List<String> prerequisites, List<String> calls) {

  RawTarget {
    commands = List.copyOf(commands);
    prerequisites = List.copyOf(prerequisites);
    calls = List.copyOf(calls);
  }

  RawTarget mergedWith(RawTarget later) {
    return new RawTarget(
        name,
        line,
        concat(commands, later.commands),
        concat(prerequisites, later.prerequisites),
        concat(calls, later.calls));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
