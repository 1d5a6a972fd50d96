package dev.fleetcheck.core.rules.cli;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Runs a CLI rule on a fixture repository with the python and cli profiles. */
final class CliFixture {

  private CliFixture() {}

  static Outcome check(Rule rule, Path repo) {
    return rule.check(
        new RuleContext(new Facts(RepoSnapshot.of(repo)), EnumSet.of(Profile.PYTHON, Profile.CLI)));
  }

  /** Each evidence as "path:line: message". */
  static List<String> described(Outcome outcome) {
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }
}
