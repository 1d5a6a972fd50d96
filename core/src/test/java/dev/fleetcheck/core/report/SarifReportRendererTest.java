package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportRendererTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode run(ScanReport report, String anchor) throws Exception {
    JsonNode sarif = mapper.readTree(new SarifReportRenderer(anchor).render(report));
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    return sarif.get("runs").get(0);
  }

  @Test
  void describesTheToolAndEveryRuleWithRemediationAsHelp() throws Exception {
    JsonNode run = run(SampleReports.mixed(), "pyproject.toml");
    JsonNode driver = run.get("tool").get("driver");

    assertThat(driver.get("name").asText()).isEqualTo("fleetcheck");
    assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0");
    assertThat(driver.has("informationUri"))
        .as("the project has no public site; a made-up informationUri misleads")
        .isFalse();
    assertThat(driver.get("rules")).hasSize(SampleReports.mixed().results().size());
    JsonNode first = driver.get("rules").get(0);
    assertThat(first.get("id").asText()).isEqualTo("PY-LCL-001");
    assertThat(first.get("name").asText()).isEqualTo("Bootstrap");
    assertThat(first.get("shortDescription").get("text").asText())
        .isEqualTo("Bootstrap: make dev target.");
    assertThat(first.get("help").get("text").asText()).isEqualTo("Fix PY-LCL-001 this way.");
    assertThat(first.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
    assertThat(first.get("properties").get("tags").toString()).contains("required", "python");
  }

  @Test
  void securityRulesCarryGitHubSecuritySeverityFromTheirLevel() throws Exception {
    JsonNode rules =
        run(SampleReports.hostile(), "pyproject.toml").get("tool").get("driver").get("rules");
    JsonNode security = rules.get(0);
    assertThat(security.get("id").asText()).isEqualTo("PY-SEC-001");
    assertThat(security.get("properties").get("security-severity").isTextual()).isTrue();
    assertThat(security.get("properties").get("security-severity").asText()).isEqualTo("8.0");
    assertThat(security.get("properties").get("tags").toString()).contains("\"security\"");

    JsonNode other =
        run(SampleReports.mixed(), "pyproject.toml").get("tool").get("driver").get("rules");
    other.forEach(rule -> assertThat(rule.get("properties").has("security-severity")).isFalse());
    assertThat(SecuritySeverity.of("PY-SEC-041", Level.RECOMMENDED)).contains("5.5");
    assertThat(SecuritySeverity.of("PY-SEC-041", Level.ADVISORY)).contains("2.0");
    assertThat(SecuritySeverity.of("PY-LCL-001", Level.REQUIRED)).isEmpty();
  }

  @Test
  void mapsLevelsToSarifSeverities() {
    assertThat(SarifReportRenderer.sarifLevel(Level.REQUIRED)).isEqualTo("error");
    assertThat(SarifReportRenderer.sarifLevel(Level.RECOMMENDED)).isEqualTo("warning");
    assertThat(SarifReportRenderer.sarifLevel(Level.ADVISORY)).isEqualTo("note");
  }

  @Test
  void emitsOneResultPerFailEvidenceAndOnePerErrorOnly() throws Exception {
    JsonNode run = run(SampleReports.mixed(), "pyproject.toml");

    List<String> ruleIds = new ArrayList<>();
    run.get("results").forEach(r -> ruleIds.add(r.get("ruleId").asText()));
    assertThat(ruleIds)
        .containsExactly(
            "PY-LCL-001", "PY-LCL-001", "PY-STYLE-001", "PY-STYLE-001", "PY-LCL-023", "PY-OBS-012");
  }

  @Test
  void ruleIndexPointsAtTheResultsRuleAndLevelIsTheAppliedOne() throws Exception {
    JsonNode run = run(SampleReports.mixed(), "pyproject.toml");
    JsonNode rules = run.get("tool").get("driver").get("rules");

    for (JsonNode result : run.get("results")) {
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(result.get("ruleId").asText());
    }
    JsonNode error = run.get("results").get(5);
    assertThat(error.get("level").asText()).isEqualTo("error");
    assertThat(error.get("message").get("text").asText()).startsWith("The check could not run: ");
    assertThat(run.get("results").get(4).get("level").asText()).isEqualTo("note");
  }

  @Test
  void linesBecomeRegionsAndRepositoryEvidenceSitsOnTheAnchorWithoutRegion() throws Exception {
    JsonNode results = run(SampleReports.mixed(), "setup.cfg").get("results");

    JsonNode makefile = results.get(1).get("locations").get(0).get("physicalLocation");
    assertThat(makefile.get("artifactLocation").get("uri").asText()).isEqualTo("Makefile");
    assertThat(makefile.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(makefile.has("region")).isFalse();
    JsonNode repositoryWide = results.get(0).get("locations").get(0).get("physicalLocation");
    assertThat(repositoryWide.get("artifactLocation").get("uri").asText()).isEqualTo("setup.cfg");
    assertThat(repositoryWide.has("region")).isFalse();
    JsonNode withLine = results.get(2).get("locations").get(0).get("physicalLocation");
    assertThat(withLine.get("artifactLocation").get("uri").asText()).isEqualTo("src/app/cli.py");
    assertThat(withLine.get("region").get("startLine").asInt()).isEqualTo(3);
  }

  @Test
  void fingerprintsAreStableAndDistinctPerFinding() throws Exception {
    JsonNode results = run(SampleReports.mixed(), "pyproject.toml").get("results");

    List<String> prints = new ArrayList<>();
    results.forEach(
        r -> prints.add(r.get("partialFingerprints").get("fleetcheckFinding/v1").asText()));
    assertThat(prints).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).hasSize(32));
    assertThat(SarifReportRenderer.fingerprint("PY-X-001", Evidence.at("a.py", 3, "m")))
        .isEqualTo(SarifReportRenderer.fingerprint("PY-X-001", Evidence.at("a.py", 90, "m")));
  }

  @Test
  void provenanceNamesTheCommitAndNeverACredential() throws Exception {
    ScanReport sample = SampleReports.mixed();
    ScanReport withToken =
        withRepository(
            sample,
            new RepositoryRef(
                "r",
                "https://x-access-token:ghs_secret@github.com/org/r.git",
                SampleReports.COMMIT));

    String sarif = new SarifReportRenderer().render(withToken);
    JsonNode provenance = mapper.readTree(sarif).get("runs").get(0).get("versionControlProvenance");

    assertThat(provenance.get(0).get("repositoryUri").asText())
        .isEqualTo("https://github.com/org/r.git");
    assertThat(provenance.get(0).get("revisionId").asText()).isEqualTo(SampleReports.COMMIT);
    assertThat(sarif).doesNotContain("ghs_secret");
    assertThat(run(SampleReports.hostile(), "x").has("versionControlProvenance")).isFalse();
  }

  @Test
  void encodesPathsAsRelativeUriReferences() {
    assertThat(SarifReportRenderer.relativeUri("dir with space/a.py"))
        .isEqualTo("dir%20with%20space/a.py");
    assertThat(SarifReportRenderer.relativeUri("c:odd/a.py")).isEqualTo("./c:odd/a.py");
    assertThat(SarifReportRenderer.relativeUri("src/app.py")).isEqualTo("src/app.py");
  }

  @Test
  void isDeterministic() {
    SarifReportRenderer renderer = new SarifReportRenderer();

    assertThat(renderer.render(SampleReports.mixed()))
        .isEqualTo(renderer.render(SampleReports.mixed()));
  }

  @Test
  void anchorIsTheFirstManifestPresent() {
    assertThat(SarifAnchor.choose(List.of("pkg/tool.py", "requirements.txt", "setup.py")))
        .isEqualTo("setup.py");
    assertThat(SarifAnchor.choose(List.of("README.md", "requirements.txt")))
        .isEqualTo("requirements.txt");
    assertThat(SarifAnchor.choose(List.of("notes.txt", "pkg/tool.py", "z.py")))
        .isEqualTo("pkg/tool.py");
    assertThat(SarifAnchor.choose(List.of("notes.txt"))).isEqualTo("pyproject.toml");
  }

  static ScanReport withRepository(ScanReport report, RepositoryRef repository) {
    return new ScanReport(
        report.toolVersion(),
        report.standardVersion(),
        report.rulePackDigest(),
        repository,
        report.scannedAt(),
        report.profiles(),
        report.results(),
        report.score(),
        report.notes());
  }
}
