package dev.fleetcheck.aws.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.SweepLauncher;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Launches a sweep by invoking the sweep function asynchronously with its manual event ({@code
 * {"sweep_id": "..."}}): Lambda queues the event and retries it, and the API call returns at once
 * (a sweep outlasts an API request).
 */
public final class LambdaSweepLauncher implements SweepLauncher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LambdaClient lambda;
  private final String function;

  /**
   * @param function the sweep function's name or ARN (with its alias)
   */
  public LambdaSweepLauncher(LambdaClient lambda, String function) {
    this.lambda = lambda;
    this.function = function;
  }

  @Override
  public void launch(String sweepId) {
    String event = JSON.createObjectNode().put("sweep_id", sweepId).toString();
    int status;
    try {
      status =
          lambda
              .invoke(
                  b ->
                      b.functionName(function)
                          .invocationType(InvocationType.EVENT)
                          .payload(SdkBytes.fromUtf8String(event)))
              .statusCode();
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "the sweep function could not be invoked: " + e.getMessage(), e);
    }
    if (status != 202) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "the sweep function answered " + status + " to an async invoke");
    }
  }
}
