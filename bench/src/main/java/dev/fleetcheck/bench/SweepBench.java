package dev.fleetcheck.bench;

import dev.fleetcheck.core.contract.FakeFleet;
import dev.fleetcheck.core.contract.InMemoryReportCodec;
import dev.fleetcheck.core.engine.EngineScanner;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.fleet.QueuePoller;
import dev.fleetcheck.core.fleet.ScanRepository;
import dev.fleetcheck.core.fleet.ScanWorker;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sweep throughput on the embedded default with 1, 2 and 4 workers, over a fake fetcher that writes
 * small trees on disk: the cost of queueing, scanning and storing, without git. Each run starts
 * from an empty data directory; the 1-worker run is the same-run baseline.
 */
public final class SweepBench {

  private static final int REPOSITORIES = 500;

  private SweepBench() {}

  public static void main(String[] args) throws Exception {
    int repositories = args.length > 0 ? Integer.parseInt(args[0]) : REPOSITORIES;
    run(1, Math.min(50, repositories));
    double baseline = 0;
    for (int workers : new int[] {1, 2, 4}) {
      double perMinute = run(workers, repositories);
      if (workers == 1) {
        baseline = perMinute;
      }
      System.out.printf(
          Locale.ROOT,
          "sweep: %d repositories, %d worker(s): %.0f repositories/minute (x%.2f vs 1 worker)%n",
          repositories,
          workers,
          perMinute,
          perMinute / baseline);
    }
  }

  private static double run(int workers, int repositories) throws Exception {
    Path root = Files.createTempDirectory("fleetcheck-sweep-bench");
    try {
      Clock clock = Clock.systemUTC();
      FakeFleet fleet = new FakeFleet(root);
      for (int i = 0; i < repositories; i++) {
        fleet.add("repo-" + i, "team-" + (i % 5));
      }
      ScanEngine engine = new ScanEngine(RulePack.standard(), clock, "bench");
      try (EmbeddedFleet embedded =
          EmbeddedFleet.open(root.resolve("data"), clock, EmbeddedFleet.QueueSettings.defaults())) {
        ScanRepository scan =
            new ScanRepository(
                fleet,
                new EngineScanner(engine, SnapshotLimits.defaults(), Duration.ofMinutes(1)),
                new InMemoryReportCodec(),
                embedded.reports(),
                embedded.results(),
                clock,
                FailureLog.NONE);
        long start = System.nanoTime();
        new StartSweep(fleet, embedded.queue(), embedded.results(), clock, engine.pack().digest())
            .call(SweepTrigger.fresh());
        new WorkerPool(
                embedded.queue(),
                () ->
                    new QueuePoller(
                        embedded.queue(), new ScanWorker(scan, embedded.queue().maxReceives()), 10),
                workers,
                Duration.ofMillis(5))
            .runUntilDrained();
        double minutes = (System.nanoTime() - start) / 60e9;
        return repositories / minutes;
      }
    } finally {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
