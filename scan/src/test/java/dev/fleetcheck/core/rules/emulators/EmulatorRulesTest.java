package dev.fleetcheck.core.rules.emulators;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.RuleRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorRulesTest {

  private static final Map<String, Level> LEVELS =
      Map.of(
          "PY-EXT-006", Level.REQUIRED,
          "PY-EXT-008", Level.ADVISORY,
          "PY-EXT-009", Level.ADVISORY,
          "PY-EXT-010", Level.ADVISORY);

  @Test
  void everyEmulatorRuleIsRegisteredForPythonWithItsLevel() {
    RuleRegistry.assertRegistered(EmulatorRules.all(), Set.of(Profile.PYTHON), LEVELS);
  }
}
