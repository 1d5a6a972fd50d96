package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Instant;
import java.util.Objects;

/**
 * What starts a sweep, and so which sweep it is: the sweep ID comes from the trigger, never from
 * state kept between calls, so a retried trigger (a scheduler retry, a re-invoked handler) resumes
 * the sweep the first attempt started instead of starting a second.
 */
public sealed interface SweepTrigger {

  /** A schedule fired: its scheduled time names the sweep ({@code sw-20261203T020000Z}). */
  record Scheduled(Instant scheduledTime) implements SweepTrigger {
    public Scheduled {
      Objects.requireNonNull(scheduledTime, "scheduledTime");
    }
  }

  /** A manual invocation with an ID: starts that sweep, or resumes it when it exists. */
  record Named(String sweepId) implements SweepTrigger {
    public Named {
      requireValid(sweepId);
    }
  }

  /** Resumes a sweep that must exist (SWEEP_NOT_FOUND otherwise). */
  record Resume(String sweepId) implements SweepTrigger {
    public Resume {
      requireValid(sweepId);
    }
  }

  /**
   * A new sweep with a fresh ID; retrying it starts another sweep, so callers that retry name it.
   */
  record Fresh() implements SweepTrigger {}

  static SweepTrigger scheduled(Instant scheduledTime) {
    return new Scheduled(scheduledTime);
  }

  static SweepTrigger named(String sweepId) {
    return new Named(sweepId);
  }

  static SweepTrigger resume(String sweepId) {
    return new Resume(sweepId);
  }

  static SweepTrigger fresh() {
    return new Fresh();
  }

  private static void requireValid(String id) {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "invalid sweep id");
    }
  }
}
