package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.model.SweepProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** A progress bar redrawn in place on an interactive stderr. */
public final class TerminalProgressBar implements ProgressListener {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private int lastLength;

  public TerminalProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void update(SweepProgress progress, int finishedThisRun, Duration elapsed) {
    String line = line(progress, finishedThisRun, elapsed);
    int padding = Math.max(0, lastLength - line.length());
    err.print("\r" + line + " ".repeat(padding));
    err.flush();
    lastLength = line.length();
  }

  @Override
  public synchronized void finish(SweepProgress progress, int finishedThisRun, Duration elapsed) {
    update(progress, finishedThisRun, elapsed);
    err.println();
    err.flush();
  }

  static String line(SweepProgress progress, int finishedThisRun, Duration elapsed) {
    int expected = Math.max(1, progress.expected());
    int finished = progress.done() + progress.failed();
    int filled = Math.min(WIDTH, finished * WIDTH / expected);
    ProgressRate rate = ProgressRate.of(finishedThisRun, progress.pending(), elapsed);
    return "["
        + "#".repeat(filled)
        + ".".repeat(WIDTH - filled)
        + "] "
        + finished
        + "/"
        + progress.expected()
        + "  done "
        + progress.done()
        + "  failed "
        + progress.failed()
        + "  "
        + rate.rateText()
        + "  ETA "
        + rate.etaText();
  }
}
