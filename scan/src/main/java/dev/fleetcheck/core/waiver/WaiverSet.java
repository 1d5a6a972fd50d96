package dev.fleetcheck.core.waiver;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Waiver;
import java.util.List;
import java.util.Optional;

/** The decision records that waive rules, and those that tried to but are invalid. */
public record WaiverSet(List<Waiver> waivers, List<Evidence> invalid) {

  public WaiverSet {
    waivers = List.copyOf(waivers);
    invalid = List.copyOf(invalid);
  }

  /** The record waiving {@code ruleId} with the latest expiry, if any. */
  public Optional<Waiver> forRule(String ruleId) {
    return waivers.stream()
        .filter(w -> w.ruleIds().contains(ruleId))
        .max(java.util.Comparator.comparing(Waiver::expires).thenComparing(Waiver::path));
  }
}
