package dev.fleetcheck.core.report.fleet;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the fleet page's repository names and rule IDs point: the exported file links a repository
 * to its detail block on the same page, the live page to the repository's own page. A name with no
 * link is shown as text.
 *
 * @param repository the link of a repository, by name (already a URL or a fragment, not escaped)
 * @param rule the link of a rule, by ID
 */
public record FleetPageLinks(
    Function<String, Optional<String>> repository, Function<String, Optional<String>> rule) {

  public FleetPageLinks {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(rule, "rule");
  }
}
