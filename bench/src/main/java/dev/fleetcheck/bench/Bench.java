package dev.fleetcheck.bench;

/** Entry point of {@code make bench}. */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    System.out.println("bench: no benchmarks yet");
  }
}
