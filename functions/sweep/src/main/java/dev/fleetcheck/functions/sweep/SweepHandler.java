package dev.fleetcheck.functions.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.functions.common.AwsFleetPorts;
import dev.fleetcheck.functions.common.EventJson;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.Invocations;
import dev.fleetcheck.functions.common.Metrics;
import dev.fleetcheck.functions.common.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * Starts or resumes the sweep a schedule event or a manual invoke names (template.yaml). Lambda
 * calls the stream entry, which reads the event with the function's own Jackson (ADR 0025).
 */
public final class SweepHandler
    implements RequestStreamHandler, RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final FunctionRuntime runtime;
  private final Supplier<RepoInventory> inventory;

  // Held for as long as the handler lives: org.crac keeps registered resources weakly.
  private final SnapStartPriming priming;

  public SweepHandler() {
    this(System.getenv());
  }

  /** Wired from these variables instead of the process's (a local run against make up). */
  public SweepHandler(Map<String, String> environment) {
    this(environment, System.out);
  }

  /** The same, logging to {@code out} (an in-process run that keeps stdout for its result). */
  public SweepHandler(Map<String, String> environment, PrintStream out) {
    this(
        // Every sweep sends jobs: its queue's client is built beside init (ADR 0032).
        FunctionRuntime.fromEnvironment(
            "sweep", environment, out, SweepWarmUp::run, AwsFleetPorts.QueueClient.BESIDE_INIT),
        SweepWiring.inventory(environment));
  }

  public SweepHandler(FunctionRuntime runtime, Supplier<RepoInventory> inventory) {
    this(runtime, inventory, Core.getGlobalContext());
  }

  /** Registers its SnapStart priming ({@link SweepPriming}) with {@code snapStart}. */
  SweepHandler(
      FunctionRuntime runtime,
      Supplier<RepoInventory> inventory,
      org.crac.Context<Resource> snapStart) {
    this.runtime = runtime;
    this.inventory = inventory;
    this.priming = SnapStartPriming.register(snapStart, runtime, () -> SweepPriming.prime(runtime));
  }

  @Override
  public void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    EventJson.write(handleRequest(EventJson.map(EventJson.read(event)), context), response);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Invocations.run(
        runtime,
        context,
        SweepEvent.correlationId(event),
        () -> {
          StartSweep.Started started =
              runtime.fleet().startSweep(inventory.get()).call(SweepEvent.trigger(event));
          Map<String, Object> response = SweepEvent.response(started);
          runtime.log().info("sweep.started", response);
          runtime.metrics().add("JobsEnqueued", Metrics.Unit.COUNT, started.jobsSent(), Map.of());
          return response;
        });
  }
}
