package dev.fleetcheck.functions.sweep;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.functions.common.FunctionEnvironment;
import dev.fleetcheck.functions.common.GitHubAccess;
import dev.fleetcheck.vcs.AccessToken;
import dev.fleetcheck.vcs.inventory.GitHubOrgInventory;
import dev.fleetcheck.vcs.inventory.GitHubOrgQuery;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sweep function's ports from its environment: the AWS adapters, and the inventory — the
 * organisation FLEETCHECK_GITHUB_ORG lists, or the static list FLEETCHECK_INVENTORY names (a local
 * fleet).
 */
final class SweepWiring {

  static final String ORGANISATION = "FLEETCHECK_GITHUB_ORG";
  static final String INVENTORY = "FLEETCHECK_INVENTORY";

  private SweepWiring() {}

  static Supplier<RepoInventory> inventory(Map<String, String> env) {
    String list = env.get(INVENTORY);
    if (list != null && !list.isBlank()) {
      RepoInventory listed = new StaticInventory(Path.of(list));
      return () -> listed;
    }
    String organisation = env.get(ORGANISATION);
    if (organisation == null || organisation.isBlank()) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, ORGANISATION + " or " + INVENTORY + " must be set");
    }
    Supplier<Optional<String>> tokens = GitHubAccess.tokens(FunctionEnvironment.of(env));
    return () ->
        GitHubOrgInventory.create(
            GitHubOrgQuery.of(organisation), tokens.get().map(AccessToken::of));
  }
}
