package dev.fleetcheck.core.model;

import java.util.Objects;

/**
 * A repository of the fleet as an inventory lists it. {@code team} is empty when the inventory does
 * not say (CODEOWNERS may tell later); {@code defaultBranch} is empty to mean the remote's HEAD.
 */
public record RepoRef(String name, String url, String team, String defaultBranch) {

  public RepoRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    team = team == null ? "" : team;
    defaultBranch = defaultBranch == null ? "" : defaultBranch;
  }
}
