package dev.fleetcheck.vcs.fetch;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * The progress monitor JGit polls during transfer and checkout. Stopping it makes JGit abandon the
 * clone at its next check; the reason decides the error code reported.
 */
final class CloneWatch implements ProgressMonitor {

  enum Stop {
    NONE,
    TIMEOUT,
    TOO_LARGE
  }

  private final AtomicReference<Stop> stop = new AtomicReference<>(Stop.NONE);

  /** Records the first reason only: a timeout after a size stop is still a size stop. */
  void stop(Stop reason) {
    stop.compareAndSet(Stop.NONE, reason);
  }

  Stop reason() {
    return stop.get();
  }

  @Override
  public boolean isCancelled() {
    return stop.get() != Stop.NONE;
  }

  @Override
  public void start(int totalTasks) {
    // Progress is not displayed; only cancellation matters.
  }

  @Override
  public void beginTask(String title, int totalWork) {
    // Progress is not displayed; only cancellation matters.
  }

  @Override
  public void update(int completed) {
    // Progress is not displayed; only cancellation matters.
  }

  @Override
  public void endTask() {
    // Progress is not displayed; only cancellation matters.
  }

  @Override
  public void showDuration(boolean enabled) {
    // Progress is not displayed; only cancellation matters.
  }
}
