package dev.fleetcheck.core.rules.emulators;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;

/** Runs an emulator rule the way the engine does, and describes its evidence. */
final class EmulatorFixture {

  private EmulatorFixture() {}

  static Outcome check(Rule rule, Path repo) {
    return FixtureRepo.check(rule, repo);
  }

  /** Each evidence as "path:line: message". */
  static List<String> described(Outcome outcome) {
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }
}
