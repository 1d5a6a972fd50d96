package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.report.CsvReportRenderer;
import dev.fleetcheck.core.report.JsonReportRenderer;
import dev.fleetcheck.core.report.MarkdownReportRenderer;
import dev.fleetcheck.core.report.ReportRenderer;
import dev.fleetcheck.core.report.SarifReportRenderer;
import dev.fleetcheck.core.report.TextReportRenderer;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.core.testing.QuotedSecrets;
import dev.fleetcheck.core.testing.SecretCorpus;
import dev.fleetcheck.core.testing.SecretCorpus.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every planted secret of the corpus is scanned in one repository with the whole rule pack, and no
 * eight consecutive characters of any of them appear in the rule's evidence, the report's notes,
 * the report's {@code toString}, the findings fact, a failure message or any report format. A
 * second repository quotes secrets where rules copy repository text into evidence (CI commands,
 * Makefile recipes, scripts, environment assignments, compose blocks, URLs, a waiver's rationale):
 * none of those values appears either, and the quoted text is still there, redacted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretValuesNeverLeakTest {

  private static final int WINDOW = 8;

  private final List<Sample> planted =
      SecretCorpus.generate().stream().filter(Sample::isSecret).toList();
  private final List<Sample> quoted = QuotedSecrets.generate();
  private ScanReport report;
  private String everything;
  private ScanReport quotingReport;
  private String everythingQuoted;

  @BeforeAll
  void scanTheWholeCorpusAsOneRepository(@TempDir Path dir) {
    FixtureRepo repo = FixtureRepo.in(dir.resolve("corpus")).python();
    for (Sample sample : SecretCorpus.generate()) {
      repo.file(sample.path(), sample.content());
    }
    report = FixtureRepo.scan(RulePack.standard(), repo.build(), id -> true);
    everything = everythingTheReportSays(report);

    FixtureRepo quoting = FixtureRepo.in(dir.resolve("quoting")).python();
    for (Sample sample : quoted) {
      quoting.file(sample.path(), sample.content());
    }
    quotingReport = FixtureRepo.scan(RulePack.standard(), quoting.build(), id -> true);
    everythingQuoted = everythingTheReportSays(quotingReport);
  }

  @Test
  void theRuleFailsWithOneEvidencePerPlantedSecret() {
    RuleResult result = resultOf("PY-SEC-041");
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.outcome().evidence()).hasSameSizeAs(planted);
  }

  @Test
  void noPlantedValueAppearsAnywhereInTheReport() {
    assertThat(planted).allSatisfy(s -> assertThat(windows(s.planted())).isNotEmpty());
    List<String> leaks = new ArrayList<>();
    for (Sample sample : planted) {
      for (String window : windows(sample.planted())) {
        if (everything.contains(window)) {
          leaks.add(sample + " leaks " + window);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void noValueQuotedInCommandsUrlsOrRationalesAppearsAnywhereInTheReport() {
    List<String> leaks = new ArrayList<>();
    for (Sample sample : quoted) {
      assertThat(windows(sample.planted())).as(sample.toString()).isNotEmpty();
      for (String window : windows(sample.planted())) {
        if (everythingQuoted.contains(window)) {
          leaks.add(sample + " leaks " + window);
          break;
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void quotedCommandsStayInTheEvidenceWithTheFingerprintPySec041Reports() {
    Sample token =
        quoted.stream().filter(s -> s.id().equals("quoted-ci-token-prefix")).findFirst().get();
    String fingerprint = Fingerprint.of(token.planted());
    String linter =
        quotingReport.results().stream()
            .filter(r -> r.rule().id().equals("PY-QG-001"))
            .flatMap(r -> r.outcome().evidence().stream())
            .map(Evidence::message)
            .filter(m -> m.contains("ruff check ."))
            .findFirst()
            .orElseThrow();
    assertThat(linter).startsWith("`GH_TOKEN=[redacted github_token " + fingerprint + "] ruff");
    assertThat(everythingQuoted).contains("github_token: fingerprint " + fingerprint);
    assertThat(everythingQuoted)
        .contains("LINT_TOKEN=[redacted secret_argument ", "pytest -p no:cacheprovider");
  }

  @Test
  void noRuleEndedInAnErrorWhoseMessageCouldQuoteAFile() {
    assertThat(report.results()).noneMatch(r -> r.status() == Status.ERROR);
  }

  @Test
  void aFailedFileScanNamesTheFailureTypeButNeverItsMessage() {
    String value = planted.get(0).planted();
    Evidence note =
        SecretFindings.unscannable("a.py", new IllegalStateException("bad input near " + value));
    assertThat(note.describe()).doesNotContain(value).contains("IllegalStateException");
  }

  private RuleResult resultOf(String id) {
    return report.results().stream()
        .filter(r -> r.rule().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static String everythingTheReportSays(ScanReport report) {
    StringBuilder out = new StringBuilder(report.toString()).append('\n');
    for (RuleResult result : report.results()) {
      out.append(result).append('\n');
      result.outcome().evidence().forEach(e -> out.append(e.describe()).append('\n'));
    }
    report.notes().forEach(n -> out.append(n.describe()).append('\n'));
    // Every report format a user can export, not only the model behind them.
    for (ReportRenderer renderer :
        List.of(
            new JsonReportRenderer(),
            new SarifReportRenderer(),
            new CsvReportRenderer(),
            new MarkdownReportRenderer(),
            new TextReportRenderer())) {
      out.append(renderer.render(report)).append('\n');
    }
    return out.toString();
  }

  private static List<String> windows(String value) {
    List<String> windows = new ArrayList<>();
    for (int i = 0; i + WINDOW <= value.length(); i++) {
      windows.add(value.substring(i, i + WINDOW));
    }
    return windows;
  }
}
