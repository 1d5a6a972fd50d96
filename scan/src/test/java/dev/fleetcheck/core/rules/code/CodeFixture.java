package dev.fleetcheck.core.rules.code;

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
import java.util.Set;

/**
 * Runs a code rule with profiles the test states, for profiles (api, cli) the fixture's files may
 * not make detectable on their own.
 */
final class CodeFixture {

  private CodeFixture() {}

  static Outcome check(Rule rule, Path repo, Profile... extra) {
    Set<Profile> profiles = EnumSet.of(Profile.PYTHON, extra);
    return rule.check(new RuleContext(new Facts(RepoSnapshot.of(repo)), profiles));
  }

  /** Each evidence as "path:line: message". */
  static List<String> described(Outcome outcome) {
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }
}
