package dev.fleetcheck.core.rules.style;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.RuleRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleRulesTest {

  private static final Map<String, Level> LEVELS =
      Map.ofEntries(
          Map.entry("PY-DOC-007", Level.RECOMMENDED),
          Map.entry("PY-STYLE-004", Level.RECOMMENDED),
          Map.entry("PY-STYLE-003", Level.RECOMMENDED));

  @Test
  void everyStyleRuleIsRegisteredForPythonWithItsLevel() {
    RuleRegistry.assertRegistered(StyleRules.all(), Set.of(Profile.PYTHON), LEVELS);
  }
}
