package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.Invocations;
import dev.fleetcheck.functions.common.SnapStartPriming;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/** Serves the report API's routes over stored results (template.yaml's HttpApi events). */
public final class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final FunctionRuntime runtime;
  private final ApiRouter router;

  // Held for as long as the handler lives: org.crac keeps registered resources weakly.
  private final SnapStartPriming priming;

  public ApiHandler() {
    this(System.getenv());
  }

  /** Wired from these variables instead of the process's (a local run against make up). */
  public ApiHandler(Map<String, String> environment) {
    this(FunctionRuntime.fromEnvironment("api", environment));
  }

  public ApiHandler(FunctionRuntime runtime) {
    this(runtime, Core.getGlobalContext());
  }

  /** Registers its SnapStart priming ({@link ApiPriming}) with {@code snapStart}. */
  ApiHandler(FunctionRuntime runtime, org.crac.Context<Resource> snapStart) {
    this.runtime = runtime;
    this.router =
        new ApiRouter(
            new ReadRoutes(
                    runtime.fleet().queries(),
                    runtime.fleet().ports().results(),
                    Catalogue.standard())
                .routes(),
            runtime.log());
    this.priming =
        SnapStartPriming.register(
            snapStart, runtime, () -> ApiPriming.prime(this, runtime.fleet().ports()));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.of(event);
    return Invocations.run(
        runtime,
        context,
        request.requestId(),
        () -> {
          runtime.log().info("request.start", Map.of("route", request.routeKey()));
          ApiReply reply = router.dispatch(request);
          runtime
              .log()
              .info("request.end", Map.of("route", request.routeKey(), "status", reply.status()));
          return HttpResponses.of(reply, request.requestId());
        });
  }
}
