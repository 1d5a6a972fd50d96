package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.FixtureFleet.ASSISTED_RULE;
import static dev.fleetcheck.core.report.fleet.FixtureFleet.RULE_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.report.fleet.FleetReportData.AssistedFindings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet report tells assisted rules apart: counts in the header, their own table, no rate. */
class FleetAssistedRulesTest {

  @TempDir Path work;

  private FleetReportData data;

  @BeforeEach
  void assemble() {
    data = FixtureFleet.withAssistedRule(work).assembler().assemble(Optional.empty());
  }

  @Test
  void anAssistedRuleIsTalliedApartAndHasNoPassRate() {
    assertThat(data.assistedFindings())
        .containsExactly(new AssistedFindings(ASSISTED_RULE, 1, 0, 2, 0, 0));
    assertThat(data.passRates()).extracting(r -> r.ruleId()).containsExactly(RULE_A);
    assertThat(data.rule(ASSISTED_RULE).kind()).isEqualTo(RuleKind.ASSISTED);
    assertThat(data.ruleKinds())
        .containsEntry(RuleKind.AUTOMATED, 1)
        .containsEntry(RuleKind.ASSISTED, 1)
        .containsEntry(RuleKind.MANUAL, 312);
  }

  @Test
  void anAssistedFailLowersTheScoreLikeAnyFailAndItsManualDoesNot() {
    // alpha fails only the assisted rule: one FAIL against one PASS (RULE_A), both required.
    assertThat(
            data.repositories().stream()
                .filter(r -> r instanceof FleetReportData.RepositoryResult.Scanned)
                .map(r -> (FleetReportData.RepositoryResult.Scanned) r)
                .filter(r -> r.name().equals("alpha") || r.name().equals("charlie"))
                .map(r -> r.name() + " " + r.score()))
        .containsExactly("alpha 50.0", "charlie 100.0");
  }

  @Test
  void theHtmlHeaderCountsEachKindAndTheAssistedSectionListsTheRule() {
    String html = new FleetHtmlReport().render(data);

    assertThat(html)
        .contains("Rule pack: 314 rules: 1 automated, 1 assisted, 312 manual")
        .contains("<section id=\"assisted\"")
        .contains("<caption>Outcomes per assisted rule</caption>");
    String assisted =
        html.substring(
            html.indexOf("<section id=\"assisted\""), html.indexOf("<section id=\"teams\""));
    assertThat(assisted).contains("<code>" + ASSISTED_RULE + "</code>").doesNotContain(RULE_A);
    String rates =
        html.substring(
            html.indexOf("<section id=\"pass-rates\""), html.indexOf("<section id=\"assisted\""));
    assertThat(rates).doesNotContain(ASSISTED_RULE);
    assertThat(FleetHtmlReportTest.unbalancedTags(html)).isEmpty();
  }

  @Test
  void jsonAndSarifExportsNameTheKind() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(new FleetJsonExport().render(data));

    assertThat(json.get("rule_kinds").toString())
        .isEqualTo("{\"automated\":1,\"assisted\":1,\"manual\":312}");
    assertThat(json.get("assisted_findings").get(0).get("no_evident_violation").asInt())
        .isEqualTo(2);
    JsonNode sarif = mapper.readTree(new FleetSarifExport().render(data));
    assertThat(sarif.findValuesAsText("kind")).contains("assisted");
  }
}
