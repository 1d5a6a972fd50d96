package dev.fleetcheck.core.rules.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    Map<String, Rule> rules =
        EmulatorRules.all().stream().collect(Collectors.toMap(r -> r.spec().id(), r -> r));

    assertThat(rules.keySet()).isEqualTo(LEVELS.keySet());
    rules.forEach(
        (id, rule) -> {
          assertThat(rule.spec().profiles()).as(id).isEqualTo(Set.of(Profile.PYTHON));
          Level catalogued = Catalogue.standard().entry(id).orElseThrow().level();
          assertThat(rule.level(catalogued, Set.of(Profile.PYTHON)))
              .as(id)
              .isEqualTo(LEVELS.get(id));
          assertThat(rule.spec().remediation()).as(id).isNotBlank();
        });
  }
}
