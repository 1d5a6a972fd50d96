package dev.fleetcheck.core.fleet;

/** Which receive of a message this is, out of how many the queue allows before dead-lettering. */
public record Attempt(int receiveCount, int maxReceives) {

  public Attempt {
    if (receiveCount < 1 || maxReceives < 1) {
      throw new IllegalArgumentException("receive counts start at 1");
    }
  }

  /** Whether a failure now sends the message to the dead-letter queue. */
  public boolean last() {
    return receiveCount >= maxReceives;
  }
}
