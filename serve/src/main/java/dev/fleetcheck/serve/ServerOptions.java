package dev.fleetcheck.serve;

import java.net.InetAddress;

/**
 * How the server listens and limits.
 *
 * @param port 0 for an ephemeral port
 * @param threads the request threads (the executor's queue is bounded too)
 * @param ratePerSecond requests a second per client once its burst is spent; 0 turns limiting off
 * @param rateBurst requests a client may send at once
 */
record ServerOptions(InetAddress bind, int port, int threads, double ratePerSecond, int rateBurst) {

  /** The largest request body, as the API function's own limit (64 KiB). */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final int DEFAULT_PORT = 8080;
  static final double DEFAULT_RATE = 20;
  static final int DEFAULT_BURST = 40;

  ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a port from 0 to 65535");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread");
    }
  }

  static int defaultThreads() {
    return Math.max(4, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
  }
}
