package dev.fleetcheck.functions.common;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda context of an invocation run in-process ({@code make invoke}, the local-aws sweep,
 * tests, the bench): a fresh request ID and a deadline {@code timeout} from now, read off {@code
 * clock}.
 */
public final class LocalContext implements Context {

  private final String requestId = UUID.randomUUID().toString();
  private final String function;
  private final Clock clock;
  private final Instant deadline;
  private final int timeoutMillis;

  public LocalContext(String function, Duration timeout, Clock clock) {
    this.function = function;
    this.clock = clock;
    this.deadline = clock.instant().plus(timeout);
    this.timeoutMillis = (int) timeout.toMillis();
  }

  public LocalContext(String function, Duration timeout) {
    this(function, timeout, Clock.systemUTC());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/local/" + function;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return function;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + function;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  public int timeoutMillis() {
    return timeoutMillis;
  }
}
