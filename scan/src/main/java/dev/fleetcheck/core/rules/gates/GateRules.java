package dev.fleetcheck.core.rules.gates;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The quality gates, packaging and CLI contract rules (sections 3, 4, 16). */
public final class GateRules {

  private GateRules() {}

  public static List<Rule> all() {
    return List.of(
        new CiRunsLinter(),
        new CiRunsTests(),
        new WarningsAreErrors(),
        new OpenApiSchema(),
        new CanonicalEntrypoint(),
        new VersionOption());
  }
}
