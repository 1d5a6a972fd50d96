package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.ScanReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every single-repository format tells automated, assisted and manual rules apart. */
class RuleKindsInReportsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ScanReport report = SampleReports.kinds();

  @Test
  void theTextHeaderCountsEachKind() {
    assertThat(new TextReportRenderer().render(report))
        .contains("Rules:      4 rules: 1 automated, 2 assisted, 1 manual\n");
  }

  @Test
  void theMarkdownHeaderCountsEachKind() {
    assertThat(new MarkdownReportRenderer().render(report))
        .contains("| Rules | 4 rules: 1 automated, 2 assisted, 1 manual |\n");
  }

  @Test
  void jsonWritesTheKindPerResultAndTheCountsAndConformsToTheSchema() throws Exception {
    String json = new JsonReportRenderer().render(report);
    JsonNode root = MAPPER.readTree(json);

    assertThat(ReportSchema.violations(json)).isEmpty();
    assertThat(root.get("kinds").toString())
        .isEqualTo("{\"automated\":1,\"assisted\":2,\"manual\":1}");
    JsonNode assistedManual = root.get("results").get(2);
    assertThat(assistedManual.get("kind").asText()).isEqualTo("assisted");
    assertThat(assistedManual.get("automated").asBoolean()).isFalse();
    assertThat(assistedManual.get("status").asText()).isEqualTo("MANUAL");
    assertThat(assistedManual.get("evidence").get(0).get("message").asText())
        .isEqualTo("no evident violation found");
    assertThat(root.get("results").get(3).get("kind").asText()).isEqualTo("manual");
  }

  @Test
  void jsonRoundTripsTheKindAndTheNoteOfAnAssistedManual() {
    JsonReportCodec codec = new JsonReportCodec();

    ScanReport read = codec.decode(codec.encode(report));

    assertThat(read).isEqualTo(report);
    assertThat(read.results().get(2).outcome()).isEqualTo(Outcome.noEvidentViolation());
    assertThat(read.results().get(1).rule().kind()).isEqualTo(RuleKind.ASSISTED);
  }

  @Test
  void aReportWrittenBeforeKindsExistedReadsItsKindFromAutomated() throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.readTree(new JsonReportRenderer().render(report));
    root.remove("kinds");
    for (JsonNode result : root.get("results")) {
      ((ObjectNode) result).remove("kind");
    }

    ScanReport read =
        new JsonReportCodec()
            .decode(MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));

    assertThat(read.results().stream().map(r -> r.rule().kind()).toList())
        .containsExactly(RuleKind.AUTOMATED, RuleKind.MANUAL, RuleKind.MANUAL, RuleKind.MANUAL);
  }

  @Test
  void csvHasAKindColumn() {
    String csv = new CsvReportRenderer().render(report);

    assertThat(CsvReportRenderer.HEADER).contains("kind");
    assertThat(csv.split("\r\n", -1)[2])
        .startsWith("PY-SEC-045,11.2,required,FAIL,false,assisted,");
    assertThat(csv.split("\r\n", -1)[3])
        .startsWith("PY-SEC-003,11.1,required,MANUAL,false,assisted,")
        .contains("no evident violation found");
  }

  @Test
  void sarifNamesTheKindOfEveryRuleAndCountsThemOnTheRun() throws Exception {
    JsonNode run =
        MAPPER
            .readTree(new SarifReportRenderer("pyproject.toml").render(report))
            .get("runs")
            .get(0);

    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules.get(1).get("properties").get("kind").asText()).isEqualTo("assisted");
    assertThat(rules.get(1).get("fullDescription").get("text").asText())
        .contains("checked for evident violations, else reviewed by hand");
    assertThat(rules.get(3).get("properties").get("kind").asText()).isEqualTo("manual");
    assertThat(run.get("properties").get("ruleKinds").toString())
        .isEqualTo("{\"automated\":1,\"assisted\":2,\"manual\":1}");
  }

  @Test
  void anAssistedFailCountsAsAFailAndAnAssistedManualIsNotScored() {
    // PASS (3) earned of PASS (3) + assisted FAIL (3); the two MANUALs do not count (RULES.md).
    assertThat(report.score().earnedWeight()).isEqualTo(3);
    assertThat(report.score().possibleWeight()).isEqualTo(6);
  }
}
