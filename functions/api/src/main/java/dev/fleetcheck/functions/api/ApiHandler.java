package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.functions.common.EventJson;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.Invocations;
import dev.fleetcheck.functions.common.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * Serves the report API's routes over stored results (template.yaml's HttpApi events). Lambda calls
 * the stream entry, which reads the event with the function's own Jackson ({@link ApiEvents}, ADR
 * 0025); the typed entry serves in-process callers with the events library's objects.
 */
public final class ApiHandler
    implements RequestStreamHandler,
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final FunctionRuntime runtime;
  private final ApiRouter router;

  // Held for as long as the handler lives: org.crac keeps registered resources weakly.
  private final SnapStartPriming priming;

  public ApiHandler() {
    this(System.getenv());
  }

  /** Wired from these variables instead of the process's (a local run against make up). */
  public ApiHandler(Map<String, String> environment) {
    this(
        FunctionRuntime.fromEnvironment("api", environment, System.out, ApiWarmUp::run),
        AwsApiPorts.links(environment),
        AwsApiPorts.sweeps(environment));
  }

  /** Over {@code runtime}, without export links or a sweep launcher (those routes answer 500). */
  public ApiHandler(FunctionRuntime runtime) {
    this(runtime, ApiRoutes.noReportLinks(), ApiRoutes.noSweepLauncher());
  }

  /**
   * @param links the download links of exports (presigned S3 URLs, signed local links)
   * @param launcher what starts a sweep for {@code POST /v1/sweeps}
   */
  public ApiHandler(FunctionRuntime runtime, ReportLinks links, SweepLauncher launcher) {
    this(runtime, links, launcher, Core.getGlobalContext());
  }

  /** Registers its SnapStart priming ({@link ApiPriming}) with {@code snapStart}. */
  ApiHandler(
      FunctionRuntime runtime,
      ReportLinks links,
      SweepLauncher launcher,
      org.crac.Context<Resource> snapStart) {
    this.runtime = runtime;
    this.router = new ApiRouter(ApiRoutes.all(runtime, links, launcher), runtime.log());
    this.priming =
        SnapStartPriming.register(
            snapStart, runtime, () -> ApiPriming.prime(this, runtime.fleet().ports()));
  }

  @Override
  public void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    EventJson.write(
        ApiEvents.json(handleRequest(ApiEvents.event(EventJson.read(event)), context)), response);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    APIGatewayV2HTTPEvent given = event == null ? new APIGatewayV2HTTPEvent() : event;
    String requestId = ApiRequest.requestIdOf(given);
    return Invocations.run(
        runtime,
        context,
        requestId,
        () -> {
          ApiRequest request = ApiRequest.of(given, requestId);
          runtime.log().info("request.start", Map.of("route", request.routeKey()));
          ApiReply reply = router.dispatch(request);
          runtime
              .log()
              .info("request.end", Map.of("route", request.routeKey(), "status", reply.status()));
          return HttpResponses.of(reply, requestId);
        });
  }
}
