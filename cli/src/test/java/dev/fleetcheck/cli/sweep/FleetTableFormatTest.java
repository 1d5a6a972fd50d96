package dev.fleetcheck.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.fleet.FleetRow;
import dev.fleetcheck.core.fleet.FleetTable;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.model.SweepProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetTableFormatTest {

  private static FleetRow scanned(String name, double score, Optional<FleetRow.Trend> trend) {
    return new FleetRow(
        name,
        "payments",
        FleetRow.State.SCANNED,
        Optional.of(score),
        Optional.of(ScoreBand.of(score)),
        2,
        true,
        trend,
        Optional.empty());
  }

  private static FleetRow failed(String name) {
    return new FleetRow(
        name,
        "",
        FleetRow.State.FAILED,
        Optional.empty(),
        Optional.empty(),
        0,
        false,
        Optional.empty(),
        Optional.of(ErrorCode.REPO_NOT_FOUND));
  }

  private static FleetTable table(List<FleetRow> rows, Optional<String> previous) {
    return table(rows, previous, FailOn.REQUIRED);
  }

  private static FleetTable table(List<FleetRow> rows, Optional<String> previous, FailOn failOn) {
    return new FleetTable(
        "sw-2", previous, new SweepProgress("sw-2", rows.size(), 1, 1), rows, failOn);
  }

  @Test
  void trendShowsTheSignedScoreChangeAndTheNewAndFixedCounts() {
    FleetRow better =
        scanned(
            "a",
            80,
            Optional.of(
                new FleetRow.Trend(
                    Optional.of(7.25), List.of("PY-X-1"), List.of("PY-Y-1", "PY-Y-2"))));
    FleetRow same =
        scanned("b", 80, Optional.of(new FleetRow.Trend(Optional.of(0.01), List.of(), List.of())));
    FleetRow fresh =
        scanned("c", 80, Optional.of(new FleetRow.Trend(Optional.empty(), List.of(), List.of())));

    assertThat(FleetTableFormat.trendText(better)).isEqualTo("+7.3, 1 new, 2 fixed");
    assertThat(FleetTableFormat.trendText(same)).isEqualTo("=0.0, 0 new, 0 fixed");
    assertThat(FleetTableFormat.trendText(fresh)).isEqualTo("new, 0 new, 0 fixed");
    assertThat(FleetTableFormat.trendText(failed("d"))).isEqualTo("-");
  }

  @Test
  void textTableAlignsColumnsAndEndsWithTheSummary() {
    String text =
        FleetTableFormat.TEXT.render(
            table(
                List.of(scanned("api", 91.5, Optional.empty()), failed("gone")), Optional.empty()));

    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("REPOSITORY  TEAM      SCORE  BAND    FAIL  TREND  ERROR");
    assertThat(lines.get(1)).isEqualTo("api         payments   91.5  strong     2  -");
    assertThat(lines.get(2))
        .isEqualTo("gone        -             -  -          -  -      repo_not_found");
    assertThat(lines.get(4))
        .isEqualTo(
            "sweep sw-2: 2 repositories, 1 scanned, 1 failed, 1 non-compliant at --fail-on"
                + " required; no previous sweep to compare with");
  }

  @Test
  void summaryUnderFailOnNeverSaysNothingWasJudgedInsteadOfCountingNone() {
    FleetTable unjudged =
        table(List.of(scanned("api", 12.5, Optional.empty())), Optional.empty(), FailOn.NEVER);

    String text = FleetTableFormat.TEXT.render(unjudged);
    String json = FleetTableFormat.JSON.render(unjudged);

    assertThat(text)
        .contains(", compliance not judged (--fail-on never); no previous sweep")
        .doesNotContain("non-compliant");
    assertThat(json).contains("\"fail_on\" : \"never\"");
    assertThat(FleetTableFormat.JSON.render(table(List.of(), Optional.empty())))
        .contains("\"fail_on\" : \"required\"");
  }

  @Test
  void csvDefusesFormulasAndQuotesSeparators() {
    assertThat(FleetTableFormat.csvCell("=cmd()")).isEqualTo("'=cmd()");
    assertThat(FleetTableFormat.csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(FleetTableFormat.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(FleetTableFormat.csvCell("plain")).isEqualTo("plain");
  }

  @Test
  void markdownEscapesPipesInCells() {
    FleetRow piped = pending("a|b");

    String markdown = FleetTableFormat.MARKDOWN.render(table(List.of(piped), Optional.of("sw-1")));

    assertThat(markdown).contains("| a\\|b | t | - | - | - | \\- | pending |");
    assertThat(markdown).contains("trend against sweep sw\\-1");
  }

  @Test
  void markdownEscapesEveryMetacharacterOfARepositoryName() {
    String name = "![x](https://e.example/p.png)@org/team*_~#&{}.+=`<>\\";
    String markdown =
        FleetTableFormat.MARKDOWN.render(table(List.of(pending(name)), Optional.empty()));

    String cell = markdown.lines().skip(2).findFirst().orElseThrow().split(" \\| t \\|")[0];
    StringBuilder expected = new StringBuilder("| ");
    name.chars()
        .forEach(c -> expected.append(Character.isLetterOrDigit(c) ? "" : "\\").append((char) c));
    assertThat(cell).isEqualTo(expected.toString());
  }

  @Test
  void textTableShowsControlCharactersEscaped() {
    String text =
        FleetTableFormat.TEXT.render(
            table(List.of(pending("evil\u001b]0;owned\u0007\rname")), Optional.empty()));

    assertThat(text).contains("evil\\x1b]0;owned\\x07\\rname").doesNotContain("\u001b", "\r");
  }

  private static FleetRow pending(String repository) {
    return new FleetRow(
        repository,
        "t",
        FleetRow.State.PENDING,
        Optional.empty(),
        Optional.empty(),
        0,
        false,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void progressRateAndEtaFollowWhatThisRunFinished() {
    ProgressRate rate = ProgressRate.of(10, 20, Duration.ofMinutes(2));

    assertThat(rate.perMinute()).isEqualTo(5.0);
    assertThat(rate.etaText()).isEqualTo("4:00");
    assertThat(ProgressRate.of(0, 20, Duration.ofMinutes(2)).etaText()).isEqualTo("?");
    assertThat(
            TerminalProgressBar.line(new SweepProgress("s", 30, 9, 1), 10, Duration.ofMinutes(2)))
        .isEqualTo("[##########....................] 10/30  done 9  failed 1  5.0/min  ETA 4:00");
  }
}
