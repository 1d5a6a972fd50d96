package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.RepositoryRef;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {

  private final MarkdownReportRenderer renderer = new MarkdownReportRenderer();

  @Test
  void summarisesScoreCountsAndRepository() {
    String md = renderer.render(SampleReports.mixed());

    assertThat(md).startsWith("# Fleetcheck report: sample\\-api\n");
    assertThat(md).contains("**Score: " + SampleReports.mixed().score().value() + " / 100**");
    assertThat(md).contains("| FAIL | ERROR | WAIVED | PASS | NOT APPLICABLE | MANUAL |");
    assertThat(md).contains("| 3 | 1 | 1 | 1 | 1 | 1 |");
    assertThat(md).contains("`" + SampleReports.COMMIT + "`");
  }

  @Test
  void listsFailingRulesMostSevereFirstWithEvidenceAndRemediation() {
    String md = renderer.render(SampleReports.mixed());

    assertThat(md).contains("## Failing rules (3)");
    assertThat(md.indexOf("### PY-LCL-001")).isLessThan(md.indexOf("### PY-LCL-023"));
    assertThat(md).contains("- `Makefile` no dev target\n");
    assertThat(md).contains("- `src/app/main.py:12` indented with a tab\n");
    assertThat(md).contains("**Remediation:** Fix PY\\-LCL\\-001 this way\\.");
    assertThat(md).contains("## Checks that could not run (1)");
    assertThat(md).contains("- PY-LCL-014: Pre\\-commit runs ruff\\-format (until 2099-12-31,");
    assertThat(md).contains("## Scan notes (1)\n\n- `pyproject.toml` malformed TOML at line 3\n");
    assertThat(md).doesNotContain("PY-LCL-009");
  }

  @Test
  void escapesMarkupFromRepositoryText() {
    String md = renderer.render(SampleReports.hostile());

    assertThat(md).doesNotContain("<b>").contains("\\<b\\>").contains("\\|");
    assertThat(md.lines().filter(l -> l.startsWith("second line"))).isEmpty();
  }

  @Test
  void aRepositoryNameCannotMakeMarkupMentionsLinksOrTerminalEscapes() {
    String name =
        "![x](https://evil.example/a.png) @acme/admins *b* _i_ ~s~ #1 &amp; {x} 1. a\u001b[31m";
    String md =
        renderer.render(SampleReports.withRepository(new RepositoryRef(name, "/tmp/x", "")));
    String heading = md.lines().findFirst().orElseThrow();
    assertThat(heading)
        .isEqualTo(
            "# Fleetcheck report: \\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/a\\.png\\)"
                + " \\@acme\\/admins \\*b\\* \\_i\\_ \\~s\\~ \\#1 \\&amp\\; \\{x\\} 1\\. a\\\\x1b\\[31m");
    assertThat(md).doesNotContain("\u001b");
  }

  @Test
  void escapingHandlesLeadingMarkersAndBackticks() {
    assertThat(MarkdownText.escape("# not a heading")).isEqualTo("\\# not a heading");
    assertThat(MarkdownText.escape("a-b")).isEqualTo("a\\-b");
    assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownText.code("`x")).isEqualTo("`` `x ``");
  }
}
