package dev.fleetcheck.core.facts.taskrunner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every task runner target found at the config roots, in a fixed order: root before members, then
 * make, just, task, poe, hatch, nox, tox. {@code files} lists each runner file that was read.
 */
public record TaskRunnerSet(List<Target> targets, List<String> files) {

  public TaskRunnerSet {
    targets = List.copyOf(targets);
    files = List.copyOf(files);
  }

  /** The first target named exactly {@code name} ("init" is not "dev"). */
  public Optional<Target> target(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public boolean any() {
    return !targets.isEmpty();
  }

  /** The runner kinds present, in order. */
  public Set<String> runners() {
    Set<String> runners = new LinkedHashSet<>();
    targets.forEach(t -> runners.add(t.runner()));
    return runners;
  }

  /** "Makefile, noxfile.py" or "none found", for evidence saying where we looked. */
  public String describeFiles() {
    return files.isEmpty() ? "none found" : String.join(", ", files);
  }
}
