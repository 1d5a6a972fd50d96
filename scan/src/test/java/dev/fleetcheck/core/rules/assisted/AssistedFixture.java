package dev.fleetcheck.core.rules.assisted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs an assisted rule with the profiles the test states, and reads its answer. */
public final class AssistedFixture {

  private AssistedFixture() {}

  public static Outcome check(Rule rule, Path repo, Profile... extra) {
    Set<Profile> profiles = EnumSet.of(Profile.PYTHON, extra);
    return rule.check(new RuleContext(new Facts(RepoSnapshot.of(repo)), profiles));
  }

  /** Each finding as "path:line: message"; fails when the outcome is not a FAIL. */
  public static List<String> findings(Outcome outcome) {
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(Status.FAIL);
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }

  /** Asserts the assisted answer without an evident violation: MANUAL with the note. */
  public static void assertNoEvidentViolation(Outcome outcome) {
    assertThat(outcome).isEqualTo(Outcome.noEvidentViolation());
  }
}
