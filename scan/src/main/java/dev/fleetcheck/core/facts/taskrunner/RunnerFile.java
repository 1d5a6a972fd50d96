package dev.fleetcheck.core.facts.taskrunner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets of one runner file, with prerequisites and invocations resolved into each target's
 * full command list. Following is bounded (depth and total commands) and safe against cycles.
 */
final class RunnerFile {

  private static final int MAX_DEPTH = 8;
  private static final int MAX_COMMANDS = 200;

  private final String runner;
  private final Map<String, RawTarget> byName = new LinkedHashMap<>();
  private final Map<String, String> definedIn = new LinkedHashMap<>();

  RunnerFile(String runner, String path, List<RawTarget> targets) {
    this(runner, Map.of(path, targets));
  }

  /** One runner spread over several files (a Makefile and the files it includes), in order. */
  RunnerFile(String runner, Map<String, List<RawTarget>> targetsByFile) {
    this.runner = runner;
    targetsByFile.forEach(
        (path, targets) -> {
          for (RawTarget target : targets) {
            byName.merge(target.name(), target, RawTarget::mergedWith);
            definedIn.putIfAbsent(target.name(), path);
          }
        });
  }

  List<Target> resolve() {
    List<Target> targets = new ArrayList<>();
    for (RawTarget raw : byName.values()) {
      List<String> commands = new ArrayList<>();
      follow(raw, new HashSet<>(), 0, commands);
      targets.add(new Target(runner, raw.name(), definedIn.get(raw.name()), raw.line(), commands));
    }
    return targets;
  }

  private void follow(RawTarget target, Set<String> visiting, int depth, List<String> out) {
    if (depth > MAX_DEPTH || !visiting.add(target.name())) {
      return;
    }
    for (String prerequisite : target.prerequisites()) {
      followNamed(prerequisite, visiting, depth, out);
    }
    for (String command : target.commands()) {
      if (out.size() < MAX_COMMANDS) {
        out.add(command);
      }
    }
    for (String call : target.calls()) {
      followNamed(call, visiting, depth, out);
    }
    visiting.remove(target.name());
  }

  private void followNamed(String name, Set<String> visiting, int depth, List<String> out) {
    RawTarget next = byName.get(name);
    if (next != null && out.size() < MAX_COMMANDS) {
      follow(next, visiting, depth + 1, out);
    }
  }
}
