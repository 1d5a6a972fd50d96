package dev.fleetcheck.core.rules.lambda;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The checks of the repository's own Lambda templates (SAM, Serverless Framework). */
public final class LambdaRules {

  private LambdaRules() {}

  public static List<Rule> all() {
    return List.of(
        new ApiThrottling(),
        new LambdaLimits(),
        new JsonLambdaLogs(),
        new LambdaClientReuse(),
        new LambdaHandlerTests());
  }
}
