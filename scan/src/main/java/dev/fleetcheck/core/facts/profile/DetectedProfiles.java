package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Profile;
import java.util.List;
import java.util.Set;

/** The profiles a repository has, each with the evidence that decided it. */
public record DetectedProfiles(Set<Profile> profiles, List<Evidence> reasons) {

  public DetectedProfiles {
    profiles = Set.copyOf(profiles);
    reasons = List.copyOf(reasons);
  }
}
