package dev.fleetcheck.core.model;

import java.time.LocalDate;
import java.util.List;

/** A decision record that excepts rules until an expiry date (RULES.md, "Exceptions"). */
public record Waiver(String path, List<String> ruleIds, LocalDate expires, String rationale) {

  public Waiver {
    ruleIds = List.copyOf(ruleIds);
  }

  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }
}
