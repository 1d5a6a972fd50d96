package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.catalogue.CatalogueEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void jsonListsExactlyThe314CatalogueIdsWithTheirMetadata() throws Exception {
    CliRun.Result result = CliRun.with().run("rules", "--format", "json");

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    List<String> ids = new ArrayList<>();
    json.get("rules").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids)
        .hasSize(314)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(
            Catalogue.standard().entries().stream().map(CatalogueEntry::id).toList());
    assertThat(json.get("count").asInt()).isEqualTo(314);
    JsonNode first = json.get("rules").get(0);
    assertThat(first.has("section") && first.has("level") && first.has("title")).isTrue();
    assertThat(first.get("automated").isBoolean()).isTrue();
    assertThat(first.get("profiles").isArray()).isTrue();
  }

  @Test
  void jsonMarksAutomatedRulesAndTheirProfiles() throws Exception {
    CliRun.Result result =
        CliRun.with().pack(TestRules.failing(TestRules.REQUIRED)).run("rules", "--format", "json");

    JsonNode json = new ObjectMapper().readTree(result.out());
    List<String> automated = new ArrayList<>();
    json.get("rules")
        .forEach(
            r -> {
              if (r.get("automated").asBoolean()) {
                automated.add(r.get("id").asText() + " " + r.get("profiles"));
              }
            });
    assertThat(automated).containsExactly(TestRules.REQUIRED + " [\"python\"]");
  }

  @Test
  void textIsATableWithOneLinePerRule() {
    CliRun.Result result = CliRun.with().run("rules");

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("ID             SECTION LEVEL");
    assertThat(lines.stream().filter(l -> l.startsWith("PY-"))).hasSize(314);
    assertThat(result.out()).contains("314 rules, ");
    assertThat(result.err()).isEmpty();
  }
}
