package dev.fleetcheck.core.rules.secrets;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The hard-coded credential detection (PY-SEC-041). */
public final class SecretRules {

  private SecretRules() {}

  public static List<Rule> all() {
    return List.of(new HardCodedSecrets());
  }
}
