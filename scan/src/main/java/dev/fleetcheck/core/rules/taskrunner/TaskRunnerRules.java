package dev.fleetcheck.core.rules.taskrunner;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The task runner targets (section 2.1, 2.5). */
public final class TaskRunnerRules {

  private TaskRunnerRules() {}

  public static List<Rule> all() {
    return List.of(
        new DevTarget(),
        new LintTarget(),
        new TestTarget(),
        new TestAllTarget(),
        new RunTarget(),
        new LocalStackTargets(),
        new ContainerCommandTarget(),
        new TestWatchTarget(),
        new TestTierTargets(),
        new DoctorTarget());
  }
}
