package dev.fleetcheck.core.rules.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeRulesTest {

  private static final Map<String, Level> LEVELS =
      Map.ofEntries(
          Map.entry("PY-BEH-012", Level.REQUIRED),
          Map.entry("PY-SEC-001", Level.REQUIRED),
          Map.entry("PY-SEC-012", Level.REQUIRED),
          Map.entry("PY-SEC-046", Level.REQUIRED),
          Map.entry("PY-SEC-016", Level.RECOMMENDED),
          Map.entry("PY-STYLE-001", Level.REQUIRED),
          Map.entry("PY-DOC-001", Level.RECOMMENDED),
          Map.entry("PY-CODE-008", Level.RECOMMENDED),
          Map.entry("PY-OBS-048", Level.REQUIRED),
          Map.entry("PY-STYLE-002", Level.ADVISORY),
          Map.entry("PY-SEC-036", Level.REQUIRED),
          Map.entry("PY-SEC-015", Level.REQUIRED),
          Map.entry("PY-BEH-020", Level.REQUIRED),
          Map.entry("PY-SEC-019", Level.RECOMMENDED),
          Map.entry("PY-OBS-043", Level.REQUIRED));

  private static final Map<String, Set<Profile>> PROFILES =
      Map.ofEntries(
          Map.entry("PY-BEH-012", Set.of(Profile.PYTHON)),
          Map.entry("PY-SEC-001", Set.of(Profile.CLI)),
          Map.entry("PY-SEC-012", Set.of(Profile.API)),
          Map.entry("PY-SEC-046", Set.of(Profile.API)),
          Map.entry("PY-SEC-016", Set.of(Profile.API)),
          Map.entry("PY-STYLE-001", Set.of(Profile.PYTHON)),
          Map.entry("PY-DOC-001", Set.of(Profile.PYTHON)),
          Map.entry("PY-CODE-008", Set.of(Profile.PYTHON)),
          Map.entry("PY-OBS-048", Set.of(Profile.API, Profile.LAMBDA)),
          Map.entry("PY-STYLE-002", Set.of(Profile.PYTHON)),
          Map.entry("PY-SEC-036", Set.of(Profile.API, Profile.LAMBDA)),
          Map.entry("PY-SEC-015", Set.of(Profile.API)),
          Map.entry("PY-BEH-020", Set.of(Profile.API)),
          Map.entry("PY-SEC-019", Set.of(Profile.API)),
          Map.entry("PY-OBS-043", Set.of(Profile.API, Profile.LAMBDA, Profile.CLI)));

  @Test
  void everyCodeCheckIsRegisteredWithItsProfilesAndLevel() {
    Map<String, Rule> rules =
        CodeRules.all().stream().collect(Collectors.toMap(r -> r.spec().id(), r -> r));

    assertThat(rules.keySet()).isEqualTo(LEVELS.keySet());
    rules.forEach(
        (id, rule) -> {
          assertThat(rule.spec().profiles()).as(id).isEqualTo(PROFILES.get(id));
          Level catalogued = Catalogue.standard().entry(id).orElseThrow().level();
          assertThat(rule.level(catalogued, Set.of(Profile.PYTHON)))
              .as(id)
              .isEqualTo(LEVELS.get(id));
          assertThat(rule.spec().remediation()).as(id).isNotBlank();
        });
  }
}
