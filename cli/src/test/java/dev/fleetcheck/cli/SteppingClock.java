package dev.fleetcheck.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second on every reading: sweeps started one after another sort apart. */
final class SteppingClock extends Clock {

  private final Instant start;
  private final AtomicLong readings = new AtomicLong();

  SteppingClock(Instant start) {
    this.start = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return start.plus(Duration.ofSeconds(readings.getAndIncrement()));
  }
}
