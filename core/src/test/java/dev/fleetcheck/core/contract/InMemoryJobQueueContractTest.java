package dev.fleetcheck.core.contract;

import java.time.Duration;
import java.time.Instant;

class InMemoryJobQueueContractTest extends JobQueueContract {

  private static final Duration VISIBILITY = Duration.ofMinutes(5);

  @Override
  protected QueueFixture newQueue(int maxReceives) {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    return new QueueFixture(
        new InMemoryJobQueue(clock, VISIBILITY, maxReceives),
        () -> clock.advance(VISIBILITY.plusSeconds(1)));
  }
}
