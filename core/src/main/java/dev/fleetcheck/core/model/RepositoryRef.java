package dev.fleetcheck.core.model;

import java.util.Objects;

/**
 * Which repository a report is about: a display name, where it came from (URL or local path) and
 * the commit scanned (empty when the tree is not a git checkout).
 */
public record RepositoryRef(String name, String source, String commit) {

  public RepositoryRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(commit, "commit");
  }
}
