package dev.fleetcheck.core.rules.cli;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.RuleRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliRulesTest {

  private static final Map<String, Level> LEVELS =
      Map.ofEntries(
          Map.entry("PY-OBS-002", Level.REQUIRED),
          Map.entry("PY-ERR-013", Level.RECOMMENDED),
          Map.entry("PY-CTR-003", Level.REQUIRED),
          Map.entry("PY-IO-003", Level.ADVISORY),
          Map.entry("PY-CTR-004", Level.ADVISORY),
          Map.entry("PY-OBS-014", Level.ADVISORY));

  @Test
  void everyCliRuleIsRegisteredForTheCliProfileWithItsLevel() {
    RuleRegistry.assertRegistered(CliRules.all(), Set.of(Profile.CLI), LEVELS);
  }
}
