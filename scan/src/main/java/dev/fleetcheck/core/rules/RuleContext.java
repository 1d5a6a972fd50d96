package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.util.Set;

/** What a rule sees: the snapshot, the cached facts and the detected profiles. */
public record RuleContext(Facts facts, Set<Profile> profiles) {

  public RuleContext {
    profiles = Set.copyOf(profiles);
  }

  public RepoSnapshot snapshot() {
    return facts.snapshot();
  }

  public <T> T fact(Fact<T> fact) {
    return facts.get(fact);
  }

  public boolean has(Profile profile) {
    return profiles.contains(profile);
  }
}
