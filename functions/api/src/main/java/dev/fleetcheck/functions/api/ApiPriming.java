package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.functions.common.LocalContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the API function runs before its SnapStart snapshot: synthetic requests through the whole
 * handler (event mapping, scope policy, routing, the store's read path with the SDK's marshalling,
 * signing and HTTP, the views and the JSON body) for routes that only read, and a read on the queue
 * and on the report bucket. The scan it asks for never exists, so the store answers "not found"; a
 * store that cannot be reached only leaves that part unprimed.
 */
final class ApiPriming {

  /** A scan ID no scan can have (scan IDs are {@code s-} and hex). */
  static final String MISSING_SCAN = "snapstart-priming";

  /** A report key no scan writes (they are {@code scans/...}). */
  static final String MISSING_REPORT = "snapstart-priming/none.json.gz";

  private static final Duration TIMEOUT = Duration.ofSeconds(29);

  private ApiPriming() {}

  /**
   * Each synthetic request's route and the status the handler answered it with, then how the
   * queue's depth and a missing report's read answered ({@code ok} or the failure): those build the
   * SQS and S3 clients that the write and export routes need, before the snapshot.
   */
  static Map<String, ?> prime(ApiHandler handler, FleetPorts ports) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (APIGatewayV2HTTPEvent request : requests()) {
      answers.put(
          request.getRouteKey(),
          handler.handleRequest(request, new LocalContext("api", TIMEOUT)).getStatusCode());
    }
    answers.put("queue_read", attempt(() -> ports.queue().depth()));
    answers.put("report_read", attempt(() -> ports.reports().get(MISSING_REPORT)));
    return answers;
  }

  private static String attempt(Supplier<?> read) {
    try {
      read.get();
      return "ok";
    } catch (FleetcheckException e) {
      return e.errorCode().code();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  static List<APIGatewayV2HTTPEvent> requests() {
    return List.of(
        read("GET /v1/scans/{id}", "/v1/scans/" + MISSING_SCAN, Map.of("id", MISSING_SCAN)),
        read("GET /v1/rules", "/v1/rules", Map.of()));
  }

  private static APIGatewayV2HTTPEvent read(
      String routeKey, String path, Map<String, String> pathParameters) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withPathParameters(pathParameters)
        .withHeaders(Map.of("x-request-id", "snapstart-priming"))
        .withRequestContext(
            RequestContext.builder()
                .withRouteKey(routeKey)
                .withAuthorizer(
                    RequestContext.Authorizer.builder()
                        .withJwt(
                            RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(Map.of("scope", ReadRoutes.READ))
                                .build())
                        .build())
                .build())
        .build();
  }
}
