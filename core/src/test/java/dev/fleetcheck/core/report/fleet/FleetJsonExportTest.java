package dev.fleetcheck.core.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetJsonExportTest {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  @TempDir Path work;

  private FleetReportData data;
  private String json;
  private JsonNode root;

  @BeforeEach
  void render() throws Exception {
    data = FixtureFleet.twoSweeps(work).assembler().assemble(Optional.empty());
    json = new FleetJsonExport().render(data);
    root = new ObjectMapper().readTree(json);
  }

  @Test
  void namesEveryFieldInSnakeCase() {
    List<String> names = new ArrayList<>();
    collectFieldNames(root, names);

    assertThat(names).isNotEmpty().allMatch(n -> SNAKE_CASE.matcher(n).matches());
  }

  @Test
  void carriesTheSweepTheRepositoriesAndTheFigures() {
    assertThat(root.path("format").asText()).isEqualTo(FleetJsonExport.FORMAT);
    assertThat(root.path("format_version").asInt()).isEqualTo(1);
    assertThat(root.path("sweep").path("sweep_id").asText()).isEqualTo("sw-2");
    assertThat(root.path("sweep").path("previous_sweep_id").asText()).isEqualTo("sw-1");
    assertThat(root.path("sweep").path("failed").asInt()).isEqualTo(1);
    assertThat(root.path("totals").path("mean_score").asDouble()).isEqualTo(53.3);
    assertThat(root.path("repositories")).hasSize(6);
    JsonNode echo = root.path("repositories").get(5);
    assertThat(echo.path("status").asText()).isEqualTo("failed");
    assertThat(echo.path("error_code").asText()).isEqualTo("repo_not_found");
    JsonNode alpha = root.path("repositories").get(1);
    assertThat(alpha.path("score").asDouble()).isEqualTo(66.7);
    assertThat(alpha.path("failing_rules").get(0).path("findings").get(0).path("status").asText())
        .isEqualTo("new");
    assertThat(root.path("score_distribution")).hasSize(10);
    assertThat(root.path("pass_rates").get(0).path("pass_rate").asDouble()).isEqualTo(40.0);
    assertThat(root.path("changes").get(0).path("fixed").get(0).asText()).isEqualTo("PY-QR-003");
    assertThat(root.path("rules")).hasSize(3);
  }

  @Test
  void writesAbsentValuesAsNullRatherThanLeavingThemOut() {
    JsonNode noTeam = root.path("teams").get(0);

    assertThat(noTeam.path("team").asText()).isEmpty();
    assertThat(noTeam.has("mean_score")).isTrue();
    assertThat(noTeam.path("mean_score").isNull()).isTrue();
    assertThat(noTeam.path("worst_rule").isNull()).isTrue();
  }

  @Test
  void theSameDataGivesTheSameBytesWithUnixLineEnds() {
    assertThat(new FleetJsonExport().render(data)).isEqualTo(json);
    assertThat(json).doesNotContain("\r").endsWith("}\n");
  }

  private static void collectFieldNames(JsonNode node, List<String> names) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
      node.elements().forEachRemaining(child -> collectFieldNames(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectFieldNames(child, names));
    }
  }
}
