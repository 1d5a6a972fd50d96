package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportRendererTest {

  private final JsonReportRenderer renderer = new JsonReportRenderer();
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void topLevelFieldsAppearInTheDocumentedOrder() throws Exception {
    JsonNode json = mapper.readTree(renderer.render(SampleReports.mixed()));

    assertThat(fieldNames(json))
        .containsExactly(
            "report_version",
            "tool_version",
            "standard_version",
            "rule_pack_digest",
            "repository",
            "scanned_at",
            "profiles",
            "python_project",
            "score",
            "counts",
            "kinds",
            "results",
            "notes");
    assertThat(fieldNames(json.get("results").get(0)))
        .containsExactly(
            "rule_id",
            "section",
            "title",
            "level",
            "catalogued_level",
            "profiles",
            "kind",
            "automated",
            "status",
            "evidence",
            "remediation");
  }

  @Test
  void resultsKeepTheReportOrderAndEvidenceIsSorted() throws Exception {
    ScanReport report = SampleReports.mixed();
    JsonNode json = mapper.readTree(renderer.render(report));

    List<String> ids = new ArrayList<>();
    json.get("results").forEach(r -> ids.add(r.get("rule_id").asText()));
    assertThat(ids)
        .containsExactlyElementsOf(report.results().stream().map(r -> r.rule().id()).toList());
    JsonNode styleEvidence = json.get("results").get(2).get("evidence");
    assertThat(styleEvidence.get(0).get("path").asText()).isEqualTo("src/app/cli.py");
    assertThat(styleEvidence.get(1).get("path").asText()).isEqualTo("src/app/main.py");
  }

  @Test
  void statesScoreCountsAndWaiver() throws Exception {
    JsonNode json = mapper.readTree(renderer.render(SampleReports.mixed()));

    assertThat(json.get("counts").get("fail").asInt()).isEqualTo(3);
    assertThat(json.get("counts").get("not_applicable").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("manual").asInt()).isEqualTo(1);
    assertThat(json.get("score").get("possible_weight").asInt()).isEqualTo(3 + 3 + 3 + 2 + 1 + 3);
    JsonNode waived = json.get("results").get(3);
    assertThat(waived.get("status").asText()).isEqualTo("WAIVED");
    assertThat(waived.get("waiver").get("expires").asText()).isEqualTo("2099-12-31");
    assertThat(json.get("results").get(5).get("level").asText()).isEqualTo("required");
    assertThat(json.get("results").get(5).get("catalogued_level").asText())
        .isEqualTo("recommended");
  }

  @Test
  void sameReportRendersToTheSameBytesWithUnixLineEnds() {
    String first = renderer.render(SampleReports.mixed());

    assertThat(renderer.render(SampleReports.mixed())).isEqualTo(first);
    assertThat(first).doesNotContain("\r").endsWith("}\n").contains("\"profiles\": [\n");
  }

  @Test
  void sampleAndHostileReportsConformToTheSchema() {
    assertThat(ReportSchema.violations(renderer.render(SampleReports.mixed()))).isEmpty();
    assertThat(ReportSchema.violations(renderer.render(SampleReports.hostile()))).isEmpty();
  }

  @Test
  void aWholeScanOfAFixtureConformsToTheSchema(@TempDir Path dir) {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Makefile", "dev:\n\ttrue\n")
            .file("app.py", "print('hi')\n")
            .git()
            .build();
    ScanReport report = FixtureRepo.scan(RulePack.standard(), repo, id -> true);

    String json = renderer.render(report);

    assertThat(report.results()).hasSize(314);
    assertThat(ReportSchema.violations(json)).isEmpty();
  }

  @Test
  void schemaRejectsAReportThatBreaksItsContract() throws Exception {
    ObjectNode json = (ObjectNode) mapper.readTree(renderer.render(SampleReports.mixed()));
    ((ObjectNode) json.get("results").get(0)).put("status", "BROKEN");
    ((ObjectNode) json.get("results").get(1)).putObject("waiver");
    json.remove("notes");

    assertThat(ReportSchema.violations(json.toString()))
        .anySatisfy(m -> assertThat(m).contains("status"))
        .anySatisfy(m -> assertThat(m).contains("notes"))
        .hasSizeGreaterThanOrEqualTo(3);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
