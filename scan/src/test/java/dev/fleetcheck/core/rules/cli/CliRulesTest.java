package dev.fleetcheck.core.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    Map<String, Rule> rules =
        CliRules.all().stream().collect(Collectors.toMap(r -> r.spec().id(), r -> r));

    assertThat(rules.keySet()).isEqualTo(LEVELS.keySet());
    rules.forEach(
        (id, rule) -> {
          assertThat(rule.spec().profiles()).as(id).isEqualTo(Set.of(Profile.CLI));
          Level catalogued = Catalogue.standard().entry(id).orElseThrow().level();
          assertThat(rule.level(catalogued, Set.of(Profile.CLI))).as(id).isEqualTo(LEVELS.get(id));
          assertThat(rule.spec().remediation()).as(id).isNotBlank();
        });
  }
}
