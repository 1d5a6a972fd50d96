package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.SweepStore;

/**
 * Whether a sweep is finished, read from its counters rather than from an empty queue: after a
 * crash the queue may still hold an old run's deliveries, invisible until their timeout lapses, and
 * those must not hold up a resumed sweep that has every result. Once the queue has nothing left to
 * deliver, the sweep's dead letters are counted as failed so that no repository stays pending for
 * ever.
 */
public final class SweepCompletion {

  private final SweepStore sweeps;
  private final DeadLetters deadLetters;

  public SweepCompletion(SweepStore sweeps, DeadLetters deadLetters) {
    this.sweeps = sweeps;
    this.deadLetters = deadLetters;
  }

  /** The sweep's progress now; its {@code complete()} says whether every repository has one. */
  public SweepProgress progress(String sweepId) {
    return sweeps.progress(sweepId);
  }

  /**
   * Called once the queue holds nothing the sweep's workers will still deliver: counts the sweep's
   * unrecorded dead letters as failed and answers the final progress.
   */
  public SweepProgress settle(String sweepId) {
    deadLetters.recordFailures(sweepId);
    return sweeps.progress(sweepId);
  }
}
