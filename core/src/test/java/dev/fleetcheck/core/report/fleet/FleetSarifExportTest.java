package dev.fleetcheck.core.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.model.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSarifExportTest {

  @TempDir Path work;

  private FleetReportData data;
  private String sarif;
  private JsonNode run;

  @BeforeEach
  void render() throws Exception {
    data = FixtureFleet.twoSweeps(work).assembler().assemble(Optional.empty());
    sarif = new FleetSarifExport().render(data);
    JsonNode root = new ObjectMapper().readTree(sarif);
    assertThat(root.path("version").asText()).isEqualTo("2.1.0");
    assertThat(root.path("$schema").asText()).isEqualTo(FleetSarifExport.SCHEMA);
    assertThat(root.path("runs")).hasSize(1);
    run = root.path("runs").get(0);
  }

  @Test
  void mapsRuleLevelsToSarifLevels() {
    assertThat(FleetSarifExport.level(Level.REQUIRED)).isEqualTo("error");
    assertThat(FleetSarifExport.level(Level.RECOMMENDED)).isEqualTo("warning");
    assertThat(FleetSarifExport.level(Level.ADVISORY)).isEqualTo("note");

    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(texts(rules, "id")).containsExactly("PY-LCL-023", "PY-OBS-012", "PY-QR-003");
    assertThat(rules.get(0).path("defaultConfiguration").path("level").asText()).isEqualTo("note");
    assertThat(rules.get(1).path("defaultConfiguration").path("level").asText())
        .isEqualTo("warning");
    assertThat(rules.get(2).path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    assertThat(rules.get(2).path("help").path("text").asText())
        .isEqualTo("Remove the marker file.");
    assertThat(rules.get(2).path("shortDescription").path("text").asText()).isNotBlank();
  }

  @Test
  void givesEachStoredFindingAResultLocatedInItsRepository() {
    JsonNode results = run.path("results");
    JsonNode rules = run.path("tool").path("driver").path("rules");
    JsonNode bases = run.path("originalUriBaseIds");

    assertThat(results).hasSize(6);
    for (JsonNode result : results) {
      assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(result.path("ruleId").asText());
      JsonNode artifact =
          result.path("locations").get(0).path("physicalLocation").path("artifactLocation");
      String base = artifact.path("uriBaseId").asText();
      assertThat(bases.has(base)).as(base).isTrue();
      assertThat(result.path("properties").path("repository").asText()).isEqualTo(base);
      assertThat(artifact.path("uri").asText()).startsWith("fail-PY-");
      assertThat(result.path("partialFingerprints").path(FleetSarifExport.FINGERPRINT_KEY).asText())
          .isNotBlank();
    }
    assertThat(texts(results, "baselineState")).filteredOn("new"::equals).hasSize(2);
    assertThat(texts(results, "baselineState")).filteredOn("unchanged"::equals).hasSize(4);
    JsonNode first = results.get(0);
    assertThat(first.path("properties").path("repository").asText())
        .isEqualTo(FixtureFleet.HOSTILE_NAME);
    assertThat(first.path("level").asText()).isEqualTo("error");
    assertThat(first.path("locations").get(0).path("physicalLocation").path("region"))
        .isEqualTo(new ObjectMapper().createObjectNode().put("startLine", 1));
    assertThat(run.path("automationDetails").path("id").asText())
        .isEqualTo("fleetcheck-fleet/sw-2");
  }

  @Test
  void reportsFailedScansAsToolExecutionNotifications() {
    JsonNode invocation = run.path("invocations").get(0);

    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.path("toolExecutionNotifications")).hasSize(1);
    JsonNode notification = invocation.path("toolExecutionNotifications").get(0);
    assertThat(notification.path("level").asText()).isEqualTo("error");
    assertThat(notification.path("descriptor").path("id").asText()).isEqualTo("repo_not_found");
    assertThat(notification.path("properties").path("repository").asText()).isEqualTo("echo");
  }

  @Test
  void namesARepositoryBaseUriOnlyForWebUrlsAndNeverWithCredentials() {
    assertThat(run.path("originalUriBaseIds").path("alpha").has("uri")).isFalse();
    assertThat(
            run.path("originalUriBaseIds").path("alpha").path("description").path("text").asText())
        .isEqualTo("Repository alpha");

    String source = RepositorySource.safe("https://bot:s3cret@git.example/org/repo.git?t=1#x");
    assertThat(source).isEqualTo("https://git.example/org/repo.git");
    assertThat(RepositorySource.baseUri(source)).contains("https://git.example/org/repo.git/");
    assertThat(RepositorySource.safe("git@git.example:org/repo.git"))
        .isEqualTo("git.example:org/repo.git");
    assertThat(RepositorySource.baseUri("git.example:org/repo.git")).isEmpty();
    assertThat(RepositorySource.safe("/srv/repos/alpha")).isEqualTo("/srv/repos/alpha");
  }

  @Test
  void encodesPathsAsRelativeUriReferences() {
    assertThat(FleetSarifExport.relativeUri("src/app.py")).isEqualTo("src/app.py");
    assertThat(FleetSarifExport.relativeUri("docs/my file.md")).isEqualTo("docs/my%20file.md");
    assertThat(FleetSarifExport.relativeUri("c:odd/name.py")).isEqualTo("./c:odd/name.py");
  }

  @Test
  void theSameDataGivesTheSameBytes() {
    assertThat(new FleetSarifExport().render(data)).isEqualTo(sarif);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }
}
