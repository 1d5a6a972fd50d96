package dev.fleetcheck.core.rules.gates;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Runs a rule's check with the profiles a test names, independent of profile detection. */
final class Checks {

  private Checks() {}

  static Outcome check(Rule rule, Path repo, Profile... profiles) {
    EnumSet<Profile> set = EnumSet.of(Profile.PYTHON);
    set.addAll(List.of(profiles));
    return rule.check(new RuleContext(new Facts(RepoSnapshot.of(repo)), set));
  }
}
