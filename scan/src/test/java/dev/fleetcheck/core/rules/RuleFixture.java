package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one rule on a fixture repository with the profiles a test names (python and the extra ones),
 * independent of profile detection, and reads its answer.
 */
public final class RuleFixture {

  private RuleFixture() {}

  public static Outcome check(Rule rule, Path repo, Profile... extra) {
    Set<Profile> profiles = EnumSet.of(Profile.PYTHON, extra);
    return rule.check(new RuleContext(new Facts(RepoSnapshot.of(repo)), profiles));
  }

  /** A CLI rule's check with the python and cli profiles. */
  public static Outcome checkCli(Rule rule, Path repo) {
    return check(rule, repo, Profile.CLI);
  }

  /** A Lambda rule's check with the python and lambda profiles. */
  public static Outcome checkLambda(Rule rule, Path repo) {
    return check(rule, repo, Profile.LAMBDA);
  }

  /** Each evidence as "path:line: message". */
  public static List<String> described(Outcome outcome) {
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }

  /** Each finding as "path:line: message"; fails when the outcome is not a FAIL. */
  public static List<String> findings(Outcome outcome) {
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(Status.FAIL);
    return described(outcome);
  }

  /** Asserts the assisted answer without an evident violation: MANUAL with the note. */
  public static void assertNoEvidentViolation(Outcome outcome) {
    assertThat(outcome).isEqualTo(Outcome.noEvidentViolation());
  }
}
