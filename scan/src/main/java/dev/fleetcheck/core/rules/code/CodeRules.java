package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The Python code checks on the token stream. */
public final class CodeRules {

  private CodeRules() {}

  public static List<Rule> all() {
    return List.of(
        new HttpTimeouts(),
        new SecretCliOptions(),
        new JwtVerification(),
        new OpenCors(),
        new InsecureCookies(),
        new TabIndentation(),
        new DocstringCoverage(),
        new TypeHintCoverage(),
        new DebugSwitches(),
        new LineLength(),
        new TenantFromRequest(),
        new BearerChallenge(),
        new ApiHttpTimeouts(),
        new MixedCredentials(),
        new MetricLabels());
  }
}
