package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

  private final JsonReportRenderer renderer = new JsonReportRenderer();
  private final JsonReportReader reader = new JsonReportReader();

  @Test
  void readsBackEveryOutcomeKindExactly() {
    ScanReport report = SampleReports.mixed();

    assertThat(reader.read(renderer.render(report))).isEqualTo(report);
  }

  @Test
  void readsBackHostileText() {
    ScanReport report = SampleReports.hostile();

    assertThat(reader.read(renderer.render(report))).isEqualTo(report);
  }

  @Test
  void readsBackAWholeScan(@TempDir Path dir) {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "x = 1\n").build();
    ScanReport report = FixtureRepo.scan(RulePack.standard(), repo, id -> true);

    ScanReport back = reader.read(renderer.render(report));

    assertThat(back).isEqualTo(report);
    assertThat(renderer.render(back)).isEqualTo(renderer.render(report));
  }

  @Property(tries = 50)
  void evidenceSurvivesTheRoundTrip(
      @ForAll String path,
      @ForAll @IntRange(min = 0, max = 100_000) int line,
      @ForAll String text) {
    ScanReport sample = SampleReports.mixed();
    RuleResult first = sample.results().get(0);
    RuleResult changed =
        new RuleResult(
            first.rule(), first.level(), Outcome.fail(List.of(new Evidence(path, line, text))));
    ScanReport report =
        new ScanReport(
            sample.toolVersion(),
            sample.standardVersion(),
            sample.rulePackDigest(),
            sample.repository(),
            sample.scannedAt(),
            sample.profiles(),
            List.of(changed),
            sample.score(),
            List.of(new Evidence(path, line, text)));

    assertThat(reader.read(renderer.render(report))).isEqualTo(report);
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertThatThrownBy(() -> reader.read("{not json"))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("not JSON");
  }

  @Test
  void rejectsAnotherReportVersion() {
    String json =
        renderer
            .render(SampleReports.mixed())
            .replace("\"report_version\": 1", "\"report_version\": 2");

    assertThatThrownBy(() -> reader.read(json)).hasMessageContaining("report_version 2");
  }

  @Test
  void rejectsCountsThatDisagreeWithResults() {
    String json = renderer.render(SampleReports.mixed()).replace("\"fail\": 3", "\"fail\": 4");

    assertThatThrownBy(() -> reader.read(json))
        .isInstanceOf(FleetcheckException.class)
        .hasMessageContaining("counts.fail");
  }

  @Test
  void rejectsAFailWithoutEvidenceAndAMissingField() {
    String noEvidence =
        renderer
            .render(SampleReports.hostile())
            .replaceFirst(
                "(?s)\"evidence\": \\[.*?\\],\n      \"remediation\"",
                "\"evidence\": [],\n      \"remediation\"");
    String noRepository =
        renderer.render(SampleReports.mixed()).replace("\"repository\"", "\"repo\"");

    assertThatThrownBy(() -> reader.read(noEvidence)).hasMessageContaining("FAIL needs evidence");
    assertThatThrownBy(() -> reader.read(noRepository))
        .hasMessageContaining("missing field repository");
  }
}
