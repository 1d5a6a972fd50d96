package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a handler builds once at init and serves every invocation with: the fleet use cases over the
 * deployment's ports, each port call logged as a {@code dependency.call}, the use cases' failures
 * logged and counted by {@code error_code}, and the log and metrics of the function.
 */
public final class FunctionRuntime {

  private final FleetRuntime fleet;
  private final FunctionLog log;
  private final Metrics metrics;
  private final DependencyCalls calls;

  private FunctionRuntime(FleetRuntime fleet, FunctionLog log, Metrics metrics) {
    this.fleet = fleet;
    this.log = log;
    this.metrics = metrics;
    this.calls = new DependencyCalls(log, metrics);
  }

  /** The use cases over {@code ports} (AWS, the embedded default, or a test's). */
  public static FunctionRuntime over(
      String function, FleetPorts ports, FleetRuntime.Settings settings, PrintStream out) {
    Clock clock = ports.clock();
    FunctionLog log = new FunctionLog(function, out, clock);
    Metrics metrics = new Metrics(function, out, clock);
    DependencyCalls calls = new DependencyCalls(log, metrics);
    FleetPorts observed =
        new FleetPorts(
            calls.wrap(ResultStore.class, ports.results(), "results"),
            calls.wrap(ReportStore.class, ports.reports(), "reports"),
            ports.codec(),
            calls.wrap(JobQueue.class, ports.queue(), "queue"),
            clock,
            log.failures(
                (event, code, message, context) ->
                    metrics.count("Failures", Map.of("error_code", code.code()))));
    return new FunctionRuntime(new FleetRuntime(observed, settings), log, metrics);
  }

  /** The AWS adapters the function's environment variables name (template.yaml sets them). */
  public static FunctionRuntime fromEnvironment(String function, Map<String, String> environment) {
    return fromEnvironment(function, environment, System.out);
  }

  /** The same, logging to {@code out} (an in-process run that keeps stdout for its result). */
  public static FunctionRuntime fromEnvironment(
      String function, Map<String, String> environment, PrintStream out) {
    return fromEnvironment(function, environment, out, () -> {});
  }

  /**
   * The same, running {@code alongside} (the function's own warm-up: its event path on constants)
   * on this thread while another builds the AWS adapters: the SDK's HTTP client with its TLS
   * context, and the clients (ADR 0032). Configuration is checked before either starts, and a
   * failure to build the adapters still fails here, at init.
   */
  public static FunctionRuntime fromEnvironment(
      String function, Map<String, String> environment, PrintStream out, Runnable alongside) {
    return fromEnvironment(
        function, environment, out, alongside, AwsFleetPorts.QueueClient.ON_FIRST_USE);
  }

  /** The same, building the queue's SDK client {@code queueClient}. */
  public static FunctionRuntime fromEnvironment(
      String function,
      Map<String, String> environment,
      PrintStream out,
      Runnable alongside,
      AwsFleetPorts.QueueClient queueClient) {
    FunctionEnvironment settings = FunctionEnvironment.of(environment);
    AtomicReference<FunctionLog> log = new AtomicReference<>();
    InitTask<FleetPorts> ports =
        InitTask.start("aws", () -> AwsFleetPorts.open(settings, correlationOf(log), queueClient));
    JsonWarmUp.run();
    alongside.run();
    FunctionRuntime runtime =
        over(function, ports.get(), new FleetRuntime.Settings(settings.rulePackDigest()), out);
    log.set(runtime.log());
    return runtime;
  }

  /** The correlation ID of the invocation the log is in, once the log exists. */
  public static Supplier<Optional<String>> correlationOf(AtomicReference<FunctionLog> log) {
    return () ->
        Optional.ofNullable(log.get())
            .map(l -> l.invocation().correlationId())
            .filter(id -> !id.isEmpty());
  }

  public FleetRuntime fleet() {
    return fleet;
  }

  public FunctionLog log() {
    return log;
  }

  public Metrics metrics() {
    return metrics;
  }

  /**
   * Runs {@code body} with this function's log lines and metrics dropped: SnapStart priming sends
   * synthetic requests through the hot path, and they must neither read as traffic in the logs nor
   * count in the metrics.
   */
  public <T> T quietly(Supplier<T> body) {
    log.mute(true);
    metrics.mute(true);
    try {
      return body.get();
    } finally {
      log.mute(false);
      metrics.mute(false);
      log.begin(Invocation.NONE);
    }
  }

  public DependencyCalls calls() {
    return calls;
  }
}
