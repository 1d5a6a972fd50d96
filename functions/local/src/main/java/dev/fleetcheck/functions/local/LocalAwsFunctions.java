package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.functions.api.ApiHandler;
import dev.fleetcheck.functions.common.FunctionEnvironment;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.sweep.SweepHandler;
import dev.fleetcheck.functions.worker.WorkerHandler;
import dev.fleetcheck.functions.worker.WorkerWiring;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sweep, worker and API functions in this process over the AWS endpoint and resources the
 * variables name (those {@code make up} writes to .fleetcheck/local-aws.env, or a test's), each
 * wired from its variables as on Lambda and logging to one stream; and the worker's SQS event
 * source mapping.
 */
public final class LocalAwsFunctions implements AutoCloseable {

  /** template.yaml's BatchSize of the worker's SQS event source. */
  public static final int WORKER_BATCH_SIZE = 2;

  /** template.yaml's function timeouts: each local invocation gets the same deadline. */
  static final Map<String, Duration> TIMEOUTS =
      Map.of(
          "sweep",
          Duration.ofSeconds(900),
          "worker",
          Duration.ofSeconds(300),
          "api",
          Duration.ofSeconds(29));

  private final Map<String, String> env;
  private final PrintStream log;
  private final Path workRoot;
  private final AwsClients clients;

  /**
   * @param env the functions' variables (one map: template.yaml gives each function a subset)
   * @param log where the functions' JSON log and metric lines go
   * @param workRoot the worker's clone folder (emptied before and after each invocation)
   */
  public LocalAwsFunctions(Map<String, String> env, PrintStream log, Path workRoot) {
    this.env = Map.copyOf(env);
    this.log = log;
    this.workRoot = workRoot;
    this.clients = new AwsClients(FunctionEnvironment.of(env).aws());
  }

  public SweepHandler sweep() {
    return new SweepHandler(env, log);
  }

  public FunctionRuntime sweepRuntime() {
    return FunctionRuntime.fromEnvironment("sweep", env, log);
  }

  /**
   * The worker as Lambda runs it: without the queue's URL, since the event source mapping, not the
   * function, receives and deletes its messages.
   */
  public WorkerHandler worker() {
    Map<String, String> workerEnv = new HashMap<>(env);
    workerEnv.remove(FunctionEnvironment.QUEUE_URL);
    return new WorkerHandler(WorkerWiring.fromEnvironment(workerEnv, log, workRoot));
  }

  public ApiHandler api() {
    return new ApiHandler(FunctionRuntime.fromEnvironment("api", env, log));
  }

  /** A fresh Lambda context with the function's template.yaml timeout. */
  public static LocalContext context(String function) {
    return new LocalContext(function, TIMEOUTS.get(function));
  }

  /** The worker's event source: one invocation per batch, each with a fresh context. */
  public EventSourceMapping workerMapping(int batchSize, boolean redeliverAtOnce) {
    WorkerHandler worker = worker();
    return mapping(batchSize, redeliverAtOnce, e -> worker.handleRequest(e, context("worker")));
  }

  /** An event source over the scan queue feeding {@code function} (a test's wrapper, say). */
  public EventSourceMapping mapping(
      int batchSize, boolean redeliverAtOnce, Function<SQSEvent, SQSBatchResponse> function) {
    FunctionEnvironment settings = FunctionEnvironment.of(env);
    return new EventSourceMapping(
        clients.sqs(),
        FunctionEnvironment.require(settings.queueUrl(), FunctionEnvironment.QUEUE_URL),
        settings.aws().region(),
        batchSize,
        redeliverAtOnce,
        function);
  }

  @Override
  public void close() {
    clients.close();
  }
}
