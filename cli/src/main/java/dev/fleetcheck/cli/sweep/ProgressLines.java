package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.cli.EventLog;
import dev.fleetcheck.core.model.SweepProgress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress as {@code sweep.progress} events at a fixed interval, for a stderr that is not a
 * terminal (CI logs, files) or that carries JSON lines.
 */
public final class ProgressLines implements ProgressListener {

  private final EventLog log;
  private final Duration interval;
  private Duration lastPrinted;

  public ProgressLines(EventLog log, Duration interval) {
    this.log = log;
    this.interval = interval;
  }

  @Override
  public synchronized void update(SweepProgress progress, int finishedThisRun, Duration elapsed) {
    if (lastPrinted != null && elapsed.minus(lastPrinted).compareTo(interval) < 0) {
      return;
    }
    lastPrinted = elapsed;
    log.info("sweep.progress", fields(progress, finishedThisRun, elapsed));
  }

  @Override
  public synchronized void finish(SweepProgress progress, int finishedThisRun, Duration elapsed) {
    log.info("sweep.progress", fields(progress, finishedThisRun, elapsed));
  }

  private static Map<String, Object> fields(
      SweepProgress progress, int finishedThisRun, Duration elapsed) {
    ProgressRate rate = ProgressRate.of(finishedThisRun, progress.pending(), elapsed);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sweep_id", progress.sweepId());
    fields.put("expected", progress.expected());
    fields.put("done", progress.done());
    fields.put("failed", progress.failed());
    fields.put("pending", progress.pending());
    fields.put("rate_per_minute", Math.round(rate.perMinute() * 10) / 10.0);
    fields.put("eta", rate.etaText());
    return fields;
  }
}
