package dev.fleetcheck.serve;

import dev.fleetcheck.cli.sweep.JobTimeouts;
import dev.fleetcheck.cli.sweep.SweepSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code serve} runs in-process: its worker threads over the data dir's queue, each scan's
 * wall-clock bound, and the inventory file {@code POST /v1/sweeps} lists.
 *
 * @param inventory empty: no inventory configured, so the server launches no sweep
 */
record ServeWork(int workers, Duration scanTimeout, Optional<Path> inventory) {

  ServeWork {
    if (workers < 1 || workers > SweepSettings.MAX_WORKERS) {
      throw new IllegalArgumentException("between 1 and " + SweepSettings.MAX_WORKERS + " workers");
    }
  }

  static ServeWork defaults() {
    return new ServeWork(SweepSettings.DEFAULT_WORKERS, JobTimeouts.DEFAULT_SCAN, Optional.empty());
  }
}
