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
    assertThat(first.get("kind").asText()).isIn("automated", "assisted", "manual");
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
    assertThat(lines.get(0)).contains(" KIND ");
    assertThat(result.out())
        .containsPattern("314 rules: \\d+ automated, \\d+ assisted, \\d+ manual");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void kindFiltersTheListAndEveryRowSaysItsKind() throws Exception {
    CliRun.Result text =
        CliRun.with()
            .pack(TestRules.failing(TestRules.REQUIRED))
            .run("rules", "--kind", "automated");
    CliRun.Result json =
        CliRun.with()
            .pack(TestRules.failing(TestRules.REQUIRED))
            .run("rules", "--kind", "manual", "--format", "json");

    assertThat(text.exit()).isEqualTo(ExitCodes.OK);
    assertThat(text.out().lines().filter(l -> l.startsWith("PY-")))
        .singleElement()
        .asString()
        .startsWith(TestRules.REQUIRED)
        .contains(" automated ");
    assertThat(text.out()).contains("1 rules: 1 automated, 0 assisted, 0 manual");
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("count").asInt()).isEqualTo(313);
    assertThat(root.get("kinds").get("manual").asInt()).isEqualTo(313);
    root.get("rules").forEach(r -> assertThat(r.get("kind").asText()).isEqualTo("manual"));
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CliRun.Result result = CliRun.with().run("rules", "--kind", "sometimes");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.err()).contains("automated, assisted, manual");
  }
}
