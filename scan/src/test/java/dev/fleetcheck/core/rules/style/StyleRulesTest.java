package dev.fleetcheck.core.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StyleRulesTest {

  private static final Map<String, Level> LEVELS =
      Map.ofEntries(
          Map.entry("PY-DOC-007", Level.RECOMMENDED),
          Map.entry("PY-STYLE-004", Level.RECOMMENDED),
          Map.entry("PY-STYLE-003", Level.RECOMMENDED));

  @Test
  void everyStyleRuleIsRegisteredForPythonWithItsLevel() {
    Map<String, Rule> rules =
        StyleRules.all().stream().collect(Collectors.toMap(r -> r.spec().id(), r -> r));

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
