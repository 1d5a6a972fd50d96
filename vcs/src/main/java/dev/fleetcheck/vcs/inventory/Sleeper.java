package dev.fleetcheck.vcs.inventory;

import java.time.Duration;

/** Waits; injected so tests of rate limiting run instantly and can check the waits asked for. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
