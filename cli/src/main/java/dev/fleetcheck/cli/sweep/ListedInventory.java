package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.RepoInventory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory that remembers what it listed, so the fleet table shows exactly the repositories the
 * sweep expected without asking GitHub a second time.
 */
public final class ListedInventory implements RepoInventory {

  private final RepoInventory inventory;
  private volatile Map<String, String> teamsByName = Map.of();

  public ListedInventory(RepoInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public List<RepoRef> list() {
    List<RepoRef> listed = inventory.list();
    Map<String, String> teams = new LinkedHashMap<>();
    listed.forEach(repo -> teams.putIfAbsent(repo.name(), repo.team()));
    teamsByName = Collections.unmodifiableMap(teams);
    return listed;
  }

  /** Repository name to the team the inventory gave ("" when none), in listing order. */
  public Map<String, String> listed() {
    return teamsByName;
  }
}
