package dev.fleetcheck.core.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaiverRecordsTest {

  private static final String PATH = "docs/adr/0007-no-ci.md";

  private final List<Waiver> waivers = new ArrayList<>();
  private final List<Evidence> invalid = new ArrayList<>();

  private void parse(String text) {
    WaiverRecords.parse(PATH, text, waivers, invalid);
  }

  @Test
  void plainLinesWithRationaleHeading() {
    parse(
        """
        # 7. No CI for the prototype

        Waives: PY-QG-001, PY-QG-002
        Expires: 2026-12-31

        ## Rationale

        The prototype is thrown away after the spike.

        ## Consequences
        None.
        """);
    assertThat(invalid).isEmpty();
    assertThat(waivers)
        .containsExactly(
            new Waiver(
                PATH,
                List.of("PY-QG-001", "PY-QG-002"),
                LocalDate.parse("2026-12-31"),
                "The prototype is thrown away after the spike."));
  }

  @Test
  void boldMarkdownFieldsAndListItems() {
    parse(
        """
        - **Waives:** PY-OBS-012
        - **Expires**: 2027-01-15
        **Rationale:** logs go to a console only.
        """);
    assertThat(invalid).isEmpty();
    assertThat(waivers)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.ruleIds()).containsExactly("PY-OBS-012");
              assertThat(w.expires()).isEqualTo(LocalDate.parse("2027-01-15"));
              assertThat(w.rationale()).isEqualTo("logs go to a console only.");
            });
  }

  @Test
  void frontMatterWithFlowList() {
    parse(
        """
        ---
        status: accepted
        waives: [PY-QG-004]
        expires: 2026-09-30
        rationale: a vendored plugin emits warnings we cannot fix yet
        ---
        # Warnings from the vendored plugin
        """);
    assertThat(invalid).isEmpty();
    assertThat(waivers)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.ruleIds()).containsExactly("PY-QG-004");
              assertThat(w.expires()).isEqualTo(LocalDate.parse("2026-09-30"));
              assertThat(w.rationale())
                  .isEqualTo("a vendored plugin emits warnings we cannot fix yet");
            });
  }

  @Test
  void frontMatterWithMultiLineListAndFoldedRationale() {
    parse(
        """
        ---
        Waives:
          - PY-EXT-007
          - PY-TST-001
        Expires: "2026-08-01"
        Rationale: >
          images are pinned by the
          platform team's mirror
        ---
        Body text.
        """);
    assertThat(invalid).isEmpty();
    assertThat(waivers)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.ruleIds()).containsExactly("PY-EXT-007", "PY-TST-001");
              assertThat(w.expires()).isEqualTo(LocalDate.parse("2026-08-01"));
              assertThat(w.rationale())
                  .isEqualTo("images are pinned by the platform team's mirror");
            });
  }

  @Test
  void frontMatterCombinesWithARationaleHeadingInTheBody() {
    parse(
        """
        ---
        waives:
          - PY-QG-001
        expires: 2026-10-01
        ---
        ## Rationale
        CI moves to the new platform next quarter.
        """);
    assertThat(waivers)
        .singleElement()
        .satisfies(
            w -> assertThat(w.rationale()).isEqualTo("CI moves to the new platform next quarter."));
  }

  @Test
  void missingRationaleIsAnInvalidWaiver() {
    parse("Waives: PY-QG-001\nExpires: 2026-12-31\n");
    assertThat(waivers).isEmpty();
    assertThat(invalid)
        .containsExactly(Evidence.at(PATH, 1, "invalid waiver for PY-QG-001: missing a rationale"));
  }

  @Test
  void missingExpiryIsAnInvalidWaiver() {
    parse("# x\nWaives: PY-QG-001\nRationale: later\n");
    assertThat(waivers).isEmpty();
    assertThat(invalid)
        .containsExactly(
            Evidence.at(PATH, 2, "invalid waiver for PY-QG-001: missing an Expires: date"));
  }

  @Test
  void frontMatterListWithoutExpiryOrRationaleNamesBoth() {
    parse("---\nwaives:\n  - PY-QG-002\n---\n");
    assertThat(invalid)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.message())
                  .isEqualTo(
                      "invalid waiver for PY-QG-002: missing an Expires: date and a rationale");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"next year", "2026-13-45", "31/12/2026"})
  void unreadableExpiryIsAnInvalidWaiver(String expiry) {
    parse("Waives: PY-QG-001\nExpires: " + expiry + "\nRationale: r\n");
    assertThat(waivers).isEmpty();
    assertThat(invalid)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .contains("a valid Expires: date (YYYY-MM-DD), found '" + expiry));
  }

  @Test
  void aDecisionRecordWithoutWaivesIsNotAWaiver() {
    parse("# Use uv\nExpires: 2026-01-01\n## Rationale\nfast\n");
    assertThat(waivers).isEmpty();
    assertThat(invalid).isEmpty();
  }

  @Test
  void onlyMarkdownUnderDecisionFoldersIsRead(@TempDir Path dir) {
    String record = "Waives: PY-QG-001\nExpires: 2026-12-31\nRationale: r\n";
    var repo =
        FixtureRepo.in(dir)
            .python()
            .file("docs/adr/0001.md", record)
            .file("docs/decisions/0002.markdown", record.replace("QG-001", "QG-002"))
            .file("doc/adr/3.md", record.replace("QG-001", "QG-004"))
            .file("adr/4.md", record.replace("QG-001", "PKG-001"))
            .file("decisions/5.md", record.replace("QG-001", "PKG-002"))
            .file("docs/notes/6.md", record.replace("QG-001", "TST-001"))
            .file("docs/adr/7.txt", record.replace("QG-001", "OBS-006"))
            .build();
    WaiverSet set = FixtureRepo.context(repo).fact(WaiverRecords.FACT);
    assertThat(set.waivers())
        .flatExtracting(Waiver::ruleIds)
        .containsExactlyInAnyOrder(
            "PY-QG-001", "PY-QG-002", "PY-QG-004", "PY-PKG-001", "PY-PKG-002");
  }

  @Test
  void latestExpiryWinsWhenTwoRecordsWaiveTheSameRule() {
    parse("Waives: PY-QG-001\nExpires: 2026-07-01\nRationale: a\n");
    WaiverRecords.parse(
        "docs/adr/2.md",
        "Waives: PY-QG-001\nExpires: 2027-07-01\nRationale: b\n",
        waivers,
        invalid);
    assertThat(new WaiverSet(waivers, invalid).forRule("PY-QG-001"))
        .get()
        .extracting(Waiver::path)
        .isEqualTo("docs/adr/2.md");
    assertThat(new WaiverSet(waivers, invalid).forRule("PY-QG-002")).isEmpty();
  }
}
