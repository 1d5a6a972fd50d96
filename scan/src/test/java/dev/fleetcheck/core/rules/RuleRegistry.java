package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Profile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Asserts what a family registry lists: exactly these rules, with their profiles and levels. */
public final class RuleRegistry {

  private RuleRegistry() {}

  public static void assertRegistered(
      List<Rule> registered, Set<Profile> profiles, Map<String, Level> levels) {
    Map<String, Rule> rules =
        registered.stream().collect(Collectors.toMap(r -> r.spec().id(), r -> r));

    assertThat(rules.keySet()).isEqualTo(levels.keySet());
    rules.forEach(
        (id, rule) -> {
          assertThat(rule.spec().profiles()).as(id).isEqualTo(profiles);
          Level catalogued = Catalogue.standard().entry(id).orElseThrow().level();
          assertThat(rule.level(catalogued, profiles)).as(id).isEqualTo(levels.get(id));
          assertThat(rule.spec().remediation()).as(id).isNotBlank();
        });
  }
}
