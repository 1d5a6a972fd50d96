package dev.fleetcheck.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a scanner returns for one work tree: the full report, and the default owner its CODEOWNERS
 * file declares (used when the inventory names no team).
 */
public record ScannedRepo(ScanReport report, Optional<String> codeOwnersTeam) {

  public ScannedRepo {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(codeOwnersTeam, "codeOwnersTeam");
  }
}
