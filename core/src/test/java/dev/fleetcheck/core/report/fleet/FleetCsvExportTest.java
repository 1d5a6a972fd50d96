package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.FixtureFleet.HOSTILE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.CsvRows;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCsvExportTest {

  @TempDir Path work;

  private FleetReportData data;
  private String csv;

  @BeforeEach
  void render() {
    data = FixtureFleet.twoSweeps(work).assembler().assemble(Optional.empty());
    csv = new FleetCsvExport().render(data);
  }

  @Test
  void writesOneRowPerRepositoryRuleAndFindingPlusFailedAndCleanRepositories() {
    List<List<String>> rows = parse(csv);

    assertThat(rows.get(0)).isEqualTo(FleetCsvExport.COLUMNS);
    List<List<String>> body = rows.subList(1, rows.size());
    // hostile 1, alpha 1, bravo 2, charlie 1 (clean), delta 2, echo 1 (failed)
    assertThat(body).hasSize(8);
    assertThat(body).allSatisfy(r -> assertThat(r).hasSize(FleetCsvExport.COLUMNS.size()));
    assertThat(body)
        .extracting(r -> r.get(column("repository")) + "/" + r.get(column("rule_id")))
        .containsExactly(
            HOSTILE_NAME + "/PY-QR-003",
            "alpha/PY-OBS-012",
            "bravo/PY-OBS-012",
            "bravo/PY-QR-003",
            "charlie/",
            "delta/PY-LCL-023",
            "delta/PY-QR-003",
            "echo/");
    List<String> echo = body.get(7);
    assertThat(echo.get(column("scan_status"))).isEqualTo("failed");
    assertThat(echo.get(column("error_code"))).isEqualTo("repo_not_found");
    List<String> alpha = body.get(1);
    assertThat(alpha.get(column("score"))).isEqualTo("66.7");
    assertThat(alpha.get(column("level"))).isEqualTo("recommended");
    assertThat(alpha.get(column("new_failure"))).isEqualTo("true");
    assertThat(alpha.get(column("finding_status"))).isEqualTo("new");
    assertThat(alpha.get(column("path"))).isEqualTo("fail-PY-OBS-012");
    assertThat(alpha.get(column("line"))).isEqualTo("1");
    assertThat(alpha.get(column("remediation"))).isEqualTo("Remove the marker file.");
  }

  @Test
  void endsEveryLineWithCrlf() {
    assertThat(csv).endsWith("\r\n");
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void quotesFieldsAsRfc4180AndDefusesFormulas() {
    assertThat(CsvRows.cell("plain")).isEqualTo("plain");
    assertThat(CsvRows.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvRows.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvRows.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvRows.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvRows.cell("+1")).isEqualTo("'+1");
    assertThat(CsvRows.cell("-2")).isEqualTo("'-2");
    assertThat(CsvRows.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvRows.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvRows.cell("=HYPERLINK(\"x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  }

  @Test
  void aHostileRepositoryNameCannotRunAsAFormula() {
    String name = "=cmd|' /C calc'!A0";
    FleetReportData hostile =
        FleetHtmlReportTest.withRepository(
            data,
            new RepositoryResult.Scanned(
                name,
                "-team",
                "",
                "s-x",
                "c1",
                Instant.parse("2026-06-02T10:00:00Z"),
                100.0,
                ScoreBand.STRONG,
                List.of()));

    List<List<String>> rows = parse(new FleetCsvExport().render(hostile));
    List<String> last = rows.get(rows.size() - 1);

    assertThat(last.get(column("repository"))).isEqualTo("'" + name);
    assertThat(last.get(column("team"))).isEqualTo("'-team");
  }

  @Test
  void theSameDataGivesTheSameBytes() {
    assertThat(new FleetCsvExport().render(data)).isEqualTo(csv);
  }

  private static int column(String name) {
    return FleetCsvExport.COLUMNS.indexOf(name);
  }

  /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(field.length() + row.size()).as("text after the last CRLF").isZero();
    return rows;
  }
}
