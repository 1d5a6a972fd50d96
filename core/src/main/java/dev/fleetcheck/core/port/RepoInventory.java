package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.RepoRef;
import java.util.List;

/** Lists the repositories of a fleet (a static file, or an organisation on GitHub). */
public interface RepoInventory {

  /**
   * Every repository to scan, in a stable order.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException with an inventory or GitHub error code
   */
  List<RepoRef> list();
}
