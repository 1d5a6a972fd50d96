package dev.fleetcheck.cli;

import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.cli.sweep.FleetTableFormat;
import dev.fleetcheck.cli.sweep.ListedInventory;
import dev.fleetcheck.cli.sweep.ProgressLines;
import dev.fleetcheck.cli.sweep.ProgressListener;
import dev.fleetcheck.cli.sweep.SweepRunner;
import dev.fleetcheck.cli.sweep.TerminalProgressBar;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.fleet.FleetTable;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.RepoInventory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What {@code sweep} and {@code demo} share: run the sweep with a progress display, stop cleanly on
 * Ctrl+C, print the fleet table and answer the exit code.
 */
final class FleetSweep {

  /** Long enough for a worker to finish the job in hand (clone bound plus scan_timeout). */
  private static final Duration SHUTDOWN_GRACE = FleetRuntime.QUEUE.visibilityTimeout();

  private static final Duration PLAIN_PROGRESS_INTERVAL = Duration.ofSeconds(5);

  /** What to sweep and how. */
  record Request(
      Path dataDir,
      RepoInventory inventory,
      int workers,
      Optional<String> resume,
      FleetTableFormat format,
      String output,
      FailOn failOn,
      boolean quiet,
      boolean jsonLog,
      Duration scanTimeout) {}

  private final CliEnvironment env;
  private final EventLog log;

  FleetSweep(CliEnvironment env, EventLog log) {
    this.env = env;
    this.log = log;
  }

  /**
   * Runs the sweep; {@code afterTable} runs with the table and the open runtime once it is printed
   * (the demo writes its HTML report there).
   */
  int run(Request request, AfterTable afterTable) {
    long started = System.nanoTime();
    ListedInventory inventory = new ListedInventory(request.inventory());
    CountDownLatch done = new CountDownLatch(1);
    try (FleetRuntime runtime =
        FleetRuntime.open(
            request.dataDir(),
            env.pack(),
            env.clock(),
            BuildInfo.current().version(),
            failureLog(),
            request.scanTimeout())) {
      SweepRunner runner =
          new SweepRunner(runtime, inventory, env.fetchers()::create, request.workers())
              .progress(progress(request))
              .onStart(onStart(request));
      request.resume().ifPresent(runner::resume);
      Thread onInterrupt = new Thread(() -> stopAndWait(runner, done), "fleetcheck-stop-sweep");
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      SweepRunner.Outcome outcome;
      try {
        outcome = runner.run();
      } finally {
        removeHook(onInterrupt);
      }
      if (runner.stopped()) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sweep_id", outcome.sweepId());
        fields.put("done", outcome.progress().done());
        fields.put("failed", outcome.progress().failed());
        fields.put("pending", outcome.progress().pending());
        fields.put("hint", "resume with --resume " + outcome.sweepId());
        log.log(EventLog.Severity.WARN, "sweep.interrupted", fields);
        return ExitCodes.OPERATIONAL_FAILURE;
      }
      FleetTable table =
          FleetTable.of(
              outcome.sweepId(),
              inventory.listed(),
              runtime.embedded().results(),
              runtime.queries(),
              request.failOn());
      Output.write(env, request.output(), request.format().render(table), log);
      afterTable.accept(table, runtime);
      int exit =
          table.anyWithoutResult()
              ? ExitCodes.OPERATIONAL_FAILURE
              : table.anyNonCompliant() ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
      Map<String, Object> end = new LinkedHashMap<>();
      end.put("sweep_id", outcome.sweepId());
      end.put("expected", outcome.progress().expected());
      end.put("done", outcome.progress().done());
      end.put("failed", outcome.progress().failed());
      end.put("pending", outcome.progress().pending());
      end.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
      end.put("exit_code", exit);
      log.info("sweep.end", end);
      return exit;
    } finally {
      done.countDown();
    }
  }

  /** Runs after the table is printed, with the runtime still open. */
  @FunctionalInterface
  interface AfterTable {
    void accept(FleetTable table, FleetRuntime runtime);
  }

  private ProgressListener progress(Request request) {
    if (request.quiet()) {
      return ProgressListener.NONE;
    }
    if (env.host().terminal() && !request.jsonLog()) {
      return new TerminalProgressBar(env.err());
    }
    return new ProgressLines(log, PLAIN_PROGRESS_INTERVAL);
  }

  private Consumer<dev.fleetcheck.core.fleet.StartSweep.Started> onStart(Request request) {
    return started -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("sweep_id", started.sweep().sweepId());
      fields.put("resumed", started.resumed());
      fields.put("expected", started.sweep().expected());
      fields.put("jobs_sent", started.jobsSent());
      fields.put("workers", request.workers());
      fields.put("data_dir", request.dataDir().toString());
      log.info("sweep.start", fields);
    };
  }

  /** Ctrl+C: workers finish the job in hand, the table is skipped, the store is closed. */
  private static void stopAndWait(SweepRunner runner, CountDownLatch done) {
    runner.stop();
    try {
      done.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it stops the workers and waits for this command to end.
    }
  }

  /**
   * Failures the use cases handle go to the event log at debug level: the sweep's own output
   * already says which repositories failed and why, so they show only with --log-level debug.
   */
  private FailureLog failureLog() {
    return (event, code, message, context) -> {
      Map<String, Object> fields = new LinkedHashMap<>(context);
      fields.put("error_code", code.code());
      fields.put("message", message);
      log.debug(event, fields);
    };
  }
}
