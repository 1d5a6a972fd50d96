package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Microsoft's SARIF validator (installed by scripts/npm-tools.sh) on our SARIF output. */
@Tag("e2e")
class SarifValidatorE2ETest {

  @Test
  void officialValidatorFindsNoErrorInAFailingScan(@TempDir Path dir) throws Exception {
    Path validator = validator();
    Path repo =
        FixtureRepo.in(dir.resolve("repo"))
            .python()
            .file("src/app main.py", "def f():\n\treturn 1\n")
            .file("Makefile", "lint:\n\truff check .\n")
            .git()
            .build();
    ScanReport scan = FixtureRepo.scan(EveryPythonFileFails.pack(), repo, id -> true);
    ScanReport standard = FixtureRepo.scan(RulePack.standard(), repo, id -> true);
    String anchor = SarifAnchor.choose(RepoSnapshot.of(repo).paths());
    List<Path> inputs =
        List.of(
            write(dir, "scan.sarif", new SarifReportRenderer(anchor).render(scan)),
            write(dir, "standard.sarif", new SarifReportRenderer(anchor).render(standard)),
            write(dir, "mixed.sarif", new SarifReportRenderer().render(SampleReports.mixed())),
            write(dir, "hostile.sarif", new SarifReportRenderer().render(SampleReports.hostile())));

    Path broken =
        write(
            dir,
            "broken.sarif",
            new SarifReportRenderer()
                .render(SampleReports.mixed())
                .replace("\"startLine\": 3", "\"startLine\": 0"));
    assertThat(errorsReportedFor(validator, List.of(broken), dir.resolve("control.sarif")))
        .as("the validator must catch a region with line 0 (control)")
        .isNotEmpty();
    assertThat(scan.counts().get(dev.fleetcheck.core.model.Status.FAIL)).isEqualTo(1);
    assertThat(errorsReportedFor(validator, inputs, dir.resolve("validation.sarif"))).isEmpty();
  }

  /** Validates all inputs in one run (the tool takes seconds to start) and lists its errors. */
  private static List<String> errorsReportedFor(Path validator, List<Path> inputs, Path out)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(validator.toString(), "validate"));
    inputs.forEach(input -> command.add(input.toString()));
    command.addAll(List.of("-o", out.toString()));
    Path log = out.resolveSibling(out.getFileName() + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("validator finished").isTrue();
    assertThat(out).as("validator output (log: %s)", Files.readString(log)).exists();
    JsonNode report = new ObjectMapper().readTree(out.toFile());
    List<String> errors = new ArrayList<>();
    for (JsonNode run : report.path("runs")) {
      for (JsonNode result : run.path("results")) {
        if ("error".equals(result.path("level").asText("warning"))) {
          errors.add(
              result.path("ruleId").asText()
                  + " in "
                  + result
                      .path("locations")
                      .path(0)
                      .path("physicalLocation")
                      .path("artifactLocation")
                      .path("uri")
                      .asText()
                  + ": "
                  + result.path("message"));
        }
      }
      for (JsonNode invocation : run.path("invocations")) {
        for (JsonNode note : invocation.path("toolExecutionNotifications")) {
          if ("error".equals(note.path("level").asText())) {
            errors.add("tool: " + note.path("message").toString());
          }
        }
      }
    }
    return errors;
  }

  private static Path validator() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("tools/node_modules/.bin/sarif-multitool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return abort(
        "tools/node_modules/.bin/sarif-multitool is not installed: run scripts/npm-tools.sh");
  }

  private static Path write(Path dir, String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
