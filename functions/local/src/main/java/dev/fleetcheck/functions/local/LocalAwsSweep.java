package dev.fleetcheck.functions.local;

import dev.fleetcheck.cli.sweep.FleetTableFormat;
import dev.fleetcheck.cli.sweep.ListedInventory;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.fleet.FleetTable;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.sweep.SweepHandler;
import dev.fleetcheck.functions.worker.WorkerWiring;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make sweep-local-aws}: a whole sweep against the {@code make up} endpoint, every part in
 * this process as on AWS: the sweep function on a schedule event for now, the worker functions fed
 * by the scan queue through {@link EventSourceMapping} until it is drained (failed jobs are retried
 * at once, and a job failing every receive ends in the dead-letter queue by the queue's redrive
 * policy), the sweep's dead letters counted, and the fleet table read back from the table and
 * bucket, printed on stdout. The repositories are the static list FLEETCHECK_INVENTORY names
 * (file:// repositories allowed). The functions' log lines go to stderr.
 */
public final class LocalAwsSweep {

  /** The sweep that ran and its table. */
  public record Outcome(String sweepId, SweepProgress progress, FleetTable table) {

    /** The CLI's exit codes: 1 a repository without a result, 3 one non-compliant, else 0. */
    public int exitCode() {
      return table.anyWithoutResult() ? 1 : table.anyNonCompliant() ? 3 : 0;
    }
  }

  /** Enough rounds for every job of a large local fleet to be received maxReceiveCount times. */
  private static final int MAX_ROUNDS = 100_000;

  private final Map<String, String> env;
  private final PrintStream log;
  private final Clock clock;

  public LocalAwsSweep(Map<String, String> env, PrintStream log, Clock clock) {
    this.env = Map.copyOf(env);
    this.log = log;
    this.clock = clock;
  }

  public static void main(String[] args) throws IOException {
    PrintStream stdout = System.out;
    System.setOut(System.err); // diagnostics only; stdout carries the table
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(LocalInvoke.localAwsEnv(env));
    env.putIfAbsent(WorkerWiring.ALLOW_FILE_URLS_VARIABLE, "true");
    try {
      Outcome outcome = new LocalAwsSweep(env, System.err, Clock.systemUTC()).run();
      stdout.print(FleetTableFormat.TEXT.render(outcome.table()));
      stdout.flush();
      System.exit(outcome.exitCode());
    } catch (FleetcheckException e) {
      System.err.println("error_code=" + e.errorCode().code() + " " + e.getMessage());
      System.exit(1);
    }
  }

  public Outcome run() throws IOException {
    String inventoryFile =
        Optional.ofNullable(env.get("FLEETCHECK_INVENTORY"))
            .filter(v -> !v.isBlank())
            .orElseThrow(
                () ->
                    new FleetcheckException(
                        ErrorCode.INVALID_CONFIG,
                        "set FLEETCHECK_INVENTORY to a repository list for a local-aws sweep"));
    ListedInventory inventory = new ListedInventory(new StaticInventory(Path.of(inventoryFile)));
    Path workRoot = Files.createTempDirectory("fleetcheck-local-aws-work");
    try (LocalAwsFunctions functions = new LocalAwsFunctions(env, log, workRoot)) {
      FunctionRuntime sweepRuntime = functions.sweepRuntime();
      Map<String, Object> started =
          new SweepHandler(sweepRuntime, () -> inventory)
              .handleRequest(schedule(), LocalAwsFunctions.context("sweep"));
      String sweepId = (String) started.get("sweep_id");
      functions.workerMapping(LocalAwsFunctions.WORKER_BATCH_SIZE, true).drain(MAX_ROUNDS);
      SweepProgress progress = sweepRuntime.fleet().sweepCompletion().settle(sweepId);
      FleetTable table =
          FleetTable.of(
              sweepId,
              inventory.listed(),
              sweepRuntime.fleet().ports().results(),
              sweepRuntime.fleet().queries(),
              FailOn.REQUIRED);
      return new Outcome(sweepId, progress, table);
    } finally {
      deleteTree(workRoot);
    }
  }

  /** The schedule's payload (events/sweep/schedule.json) for this second: it names the sweep. */
  private Map<String, Object> schedule() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("source", "fleetcheck.local-aws");
    event.put("scheduled_time", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return event;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
