package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReportRendererTest {

  private final TextReportRenderer renderer = new TextReportRenderer();

  @Test
  void showsHeaderScoreAndAColumnTableOfFindings() {
    String text = renderer.render(SampleReports.mixed());

    assertThat(text).contains("Repository: sample-api @ 0123456789ab\n");
    assertThat(text).contains("Profiles:   api, python\n");
    assertThat(text)
        .contains("Counts:     FAIL 3, ERROR 1, WAIVED 1, PASS 1, NOT_APPLICABLE 1, MANUAL 1");
    assertThat(text).contains("STATUS  LEVEL        RULE         TITLE\n");
    assertThat(text).contains("FAIL    required     PY-LCL-001   Bootstrap: make dev target\n");
    assertThat(text).contains("        - src/app/main.py:12: indented with a tab\n");
    assertThat(text.indexOf("PY-LCL-023")).isGreaterThan(text.indexOf("PY-STYLE-001"));
    assertThat(text.indexOf("ERROR   required     PY-OBS-012"))
        .isGreaterThan(text.indexOf("PY-LCL-023"));
    assertThat(text).doesNotContain("PY-LCL-009").doesNotContain("\u001b[");
  }

  @Test
  void keepsEveryRowOnOneLineAndCutsLongTitles() {
    String text = renderer.render(SampleReports.hostile());

    assertThat(text.lines().filter(l -> l.startsWith("second line"))).isEmpty();
    assertThat(text.lines().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow())
        .endsWith("...")
        .hasSizeLessThanOrEqualTo(7 + 1 + 12 + 1 + 12 + 1 + 48);
  }

  @Test
  void controlCharactersFromRepositoryTextAreShownEscapedNeverSent() {
    String text =
        renderer.render(
            SampleReports.withRepository(
                new dev.fleetcheck.core.model.RepositoryRef(
                    "repo\u001b[2J\u001b]0;title\u0007\u202e", "/tmp/x", "")));

    assertThat(text).startsWith("Repository: repo\\x1b[2J\\x1b]0;title\\x07\\u202e\n");
    assertThat(renderer.render(SampleReports.hostile()))
        .contains("\\nsecond line")
        .doesNotContain("\u001b", "\u0007", "\r");
  }
}
