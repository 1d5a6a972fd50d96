package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.model.SweepProgress;
import java.time.Duration;

/** Hears how a running sweep stands, a few times a second, and once more at the end. */
public interface ProgressListener {

  /**
   * @param progress the sweep's counters
   * @param finishedThisRun repositories done or failed since this run started (resumed work only)
   * @param elapsed time since this run started
   */
  void update(SweepProgress progress, int finishedThisRun, Duration elapsed);

  /** The run ended (complete, drained or interrupted): leave the display tidy. */
  void finish(SweepProgress progress, int finishedThisRun, Duration elapsed);

  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void update(SweepProgress progress, int finishedThisRun, Duration elapsed) {}

        @Override
        public void finish(SweepProgress progress, int finishedThisRun, Duration elapsed) {}
      };
}
