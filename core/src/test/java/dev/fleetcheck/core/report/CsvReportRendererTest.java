package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.ScanReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

  private final CsvReportRenderer renderer = new CsvReportRenderer();

  @Test
  void writesAHeaderAndOneRowPerOutcome() {
    ScanReport report = SampleReports.mixed();

    List<List<String>> rows = parse(renderer.render(report));

    assertThat(rows.get(0)).containsExactlyElementsOf(CsvReportRenderer.HEADER);
    assertThat(rows).hasSize(report.results().size() + 1);
    assertThat(rows.get(1))
        .containsExactly(
            "PY-LCL-001",
            "2.1",
            "required",
            "FAIL",
            "true",
            "automated",
            "Bootstrap: make dev target",
            "",
            "",
            "no other task runner found\nMakefile: no dev target",
            "Fix PY-LCL-001 this way.");
    assertThat(rows.get(3)).element(7).isEqualTo("src/app/cli.py");
    assertThat(rows.get(3)).element(8).isEqualTo("3");
    assertThat(rows.get(8)).element(3).isEqualTo("MANUAL");
  }

  @Test
  void endsEveryRecordWithCrLfAndQuotesOnlyWhenNeeded() {
    String csv = renderer.render(SampleReports.mixed());

    assertThat(csv).startsWith("rule_id,section,level,status,").endsWith("\r\n");
    assertThat(csv.split("\r\n", -1)[2]).startsWith("PY-LCL-009,2.2,required,PASS,true,automated,");
  }

  @Test
  void neutralisesFormulasAndSurvivesQuotesCommasAndNewlines() {
    List<List<String>> rows = parse(renderer.render(SampleReports.hostile()));

    List<String> row = rows.get(1);
    assertThat(row).hasSize(CsvReportRenderer.HEADER.size());
    assertThat(row.get(6)).startsWith("'+=cmd|");
    assertThat(row.get(7)).isEmpty();
    assertThat(row.get(9))
        .startsWith("'@=cmd|' /C calc'!A0, \"quoted\"\nsecond line")
        .contains("\ndir with space/@weird,name.py:7: =cmd|");
    assertThat(row.get(10)).startsWith("'-=cmd");
  }

  @Test
  void quotesCellsByRfc4180() {
    assertThat(CsvRows.cell("plain")).isEqualTo("plain");
    assertThat(CsvRows.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvRows.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvRows.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvRows.cell("-1")).isEqualTo("'-1");
    assertThat(CsvRows.cell("")).isEmpty();
  }

  /** A strict RFC 4180 reader, to prove the output parses back into the same cells. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
      i++;
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(row).as("last record ends with CRLF").isEmpty();
    return rows;
  }
}
