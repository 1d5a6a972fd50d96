package dev.fleetcheck.serve;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.functions.api.ApiHandler;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.LocalContext;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The API function's handler, called with the events the server builds. Each server thread has its
 * own handler over the same ports: a handler's log and metrics follow one invocation at a time, as
 * on Lambda, so concurrent requests keep their own correlation IDs.
 */
@FunctionalInterface
interface ApiBackend {

  /** API Gateway's HTTP API integration timeout, which the handler's context reports. */
  Duration TIMEOUT = Duration.ofSeconds(29);

  APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event);

  /** One {@link ApiHandler} per calling thread, each logging JSON lines to {@code log}. */
  static ApiBackend perThread(
      FleetPorts ports,
      FleetRuntime.Settings settings,
      ReportLinks links,
      SweepLauncher launcher,
      PrintStream log) {
    ThreadLocal<ApiHandler> handlers =
        ThreadLocal.withInitial(
            () ->
                new ApiHandler(FunctionRuntime.over("api", ports, settings, log), links, launcher));
    return event -> handlers.get().handleRequest(event, new LocalContext("api", TIMEOUT));
  }
}
