package dev.fleetcheck.serve;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Launches sweeps in-process over the configured inventory file: the sweep is stored and one job
 * per repository queued before the request is answered, and the server's workers run the jobs. The
 * same ID again resumes the sweep, queueing only repositories without a result.
 */
final class InventorySweeps implements SweepLauncher {

  private final FleetRuntime fleet;
  private final Path inventory;

  private InventorySweeps(FleetRuntime fleet, Path inventory) {
    this.fleet = fleet;
    this.inventory = inventory;
  }

  /** Over {@code inventory}, or, without one, a launcher that says what to configure. */
  static SweepLauncher over(FleetRuntime fleet, Optional<Path> inventory) {
    return inventory.<SweepLauncher>map(file -> new InventorySweeps(fleet, file)).orElse(NONE);
  }

  static final SweepLauncher NONE =
      id -> {
        throw new FleetcheckException(
            ErrorCode.INVALID_CONFIG,
            "fleetcheck serve has no inventory to sweep: start it with --inventory FILE,"
                + " FLEETCHECK_INVENTORY or inventory in the config file");
      };

  @Override
  public void launch(String sweepId) {
    fleet.startSweep(new StaticInventory(inventory)).call(SweepTrigger.named(sweepId));
  }
}
