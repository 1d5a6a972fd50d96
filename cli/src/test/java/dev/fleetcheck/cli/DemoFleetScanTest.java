package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.report.ReportSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every demo repository under examples/ scans cleanly and yields a schema-valid report. */
class DemoFleetScanTest {

  @Test
  void everyExampleScansToASchemaValidJsonReport() throws IOException {
    Path examples = ReportSchema.file().getParent().getParent().resolve("examples");
    List<Path> repos;
    try (Stream<Path> children = Files.list(examples)) {
      repos = children.filter(Files::isDirectory).sorted().toList();
    }

    assertThat(repos)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "bare-minimum", "decent-cli", "exemplary-api", "lambda-service", "legacy-scripts");
    for (Path repo : repos) {
      CliRun.Result result = CliRun.with().run("scan", repo.toString(), "--format", "json", "-q");

      assertThat(result.exit()).as(repo.toString()).isIn(ExitCodes.OK, ExitCodes.NON_COMPLIANT);
      assertThat(ReportSchema.violations(result.out())).as(repo.toString()).isEmpty();
      JsonNode json = new ObjectMapper().readTree(result.out());
      assertThat(json.get("results")).hasSize(314);
      assertThat(json.get("profiles").toString()).contains("python");
      assertThat(result.err()).isEmpty();
    }
  }
}
