package dev.fleetcheck.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue's levels, sections and titles agree with RULES.md and the standard. */
class CatalogueLevelsTest {

  /** Every rule of a RULES.md table, with the table's level (PY-OBS-012: its base level). */
  private static final Map<String, Level> RULES_MD_TABLES =
      Map.ofEntries(
          Map.entry("PY-LCL-001", Level.REQUIRED),
          Map.entry("PY-LCL-002", Level.REQUIRED),
          Map.entry("PY-LCL-003", Level.REQUIRED),
          Map.entry("PY-LCL-004", Level.REQUIRED),
          Map.entry("PY-LCL-005", Level.REQUIRED),
          Map.entry("PY-LCL-006", Level.REQUIRED),
          Map.entry("PY-LCL-019", Level.RECOMMENDED),
          Map.entry("PY-LCL-023", Level.ADVISORY),
          Map.entry("PY-LCL-025", Level.ADVISORY),
          Map.entry("PY-LCL-032", Level.ADVISORY),
          Map.entry("PY-LCL-007", Level.REQUIRED),
          Map.entry("PY-LCL-008", Level.REQUIRED),
          Map.entry("PY-LCL-009", Level.REQUIRED),
          Map.entry("PY-LCL-011", Level.REQUIRED),
          Map.entry("PY-LCL-012", Level.REQUIRED),
          Map.entry("PY-LCL-013", Level.REQUIRED),
          Map.entry("PY-LCL-014", Level.RECOMMENDED),
          Map.entry("PY-LCL-015", Level.RECOMMENDED),
          Map.entry("PY-LCL-016", Level.RECOMMENDED),
          Map.entry("PY-LCL-017", Level.RECOMMENDED),
          Map.entry("PY-LCL-018", Level.RECOMMENDED),
          Map.entry("PY-LCL-021", Level.REQUIRED),
          Map.entry("PY-LCL-024", Level.ADVISORY),
          Map.entry("PY-LCL-027", Level.ADVISORY),
          Map.entry("PY-QG-001", Level.REQUIRED),
          Map.entry("PY-QG-002", Level.REQUIRED),
          Map.entry("PY-QG-004", Level.RECOMMENDED),
          Map.entry("PY-PKG-001", Level.REQUIRED),
          Map.entry("PY-PKG-002", Level.REQUIRED),
          Map.entry("PY-CTR-014", Level.RECOMMENDED),
          Map.entry("PY-BEH-012", Level.REQUIRED),
          Map.entry("PY-SEC-001", Level.REQUIRED),
          Map.entry("PY-SEC-012", Level.REQUIRED),
          Map.entry("PY-SEC-046", Level.REQUIRED),
          Map.entry("PY-SEC-016", Level.RECOMMENDED),
          Map.entry("PY-STYLE-001", Level.REQUIRED),
          Map.entry("PY-DOC-001", Level.RECOMMENDED),
          Map.entry("PY-CODE-008", Level.RECOMMENDED),
          Map.entry("PY-SEC-041", Level.REQUIRED),
          Map.entry("PY-OBS-012", Level.RECOMMENDED),
          Map.entry("PY-OBS-006", Level.REQUIRED),
          Map.entry("PY-OBS-031", Level.RECOMMENDED),
          Map.entry("PY-OBS-061", Level.ADVISORY),
          Map.entry("PY-EXT-007", Level.REQUIRED),
          Map.entry("PY-TST-001", Level.REQUIRED));

  @Test
  void everyRuleOfARulesMdTableHasTheTablesLevel() {
    assertThat(RULES_MD_TABLES).hasSize(45);
    Map<String, Level> catalogued = new LinkedHashMap<>();
    for (String id : RULES_MD_TABLES.keySet()) {
      catalogued.put(id, Catalogue.standard().entry(id).orElseThrow().level());
    }

    assertThat(catalogued).containsExactlyInAnyOrderEntriesOf(RULES_MD_TABLES);
  }

  @Test
  void everyLevelIsUsedAndTheSectionsHeadingWordsAreHonoured() {
    Map<String, Level> levels = new LinkedHashMap<>();
    Catalogue.standard().entries().forEach(e -> levels.put(e.id(), e.level()));

    assertThat(levels.values()).contains(Level.REQUIRED, Level.RECOMMENDED, Level.ADVISORY);
    // 2.1 "must exist", 2.3 "strongly recommended", 2.5 "recommended", 2.6 "must adopt"
    assertThat(levels).containsEntry("PY-LCL-003", Level.REQUIRED);
    assertThat(levels).containsEntry("PY-LCL-014", Level.RECOMMENDED);
    assertThat(levels).containsEntry("PY-LCL-023", Level.ADVISORY);
    assertThat(levels).containsEntry("PY-LCL-026", Level.REQUIRED);
  }

  @Test
  void eachEntrySitsInTheSectionWhoseHeadingPrecedesItInTheStandard() throws IOException {
    Map<String, String> sections = sectionsInStandard();

    assertThat(sections).hasSize(314);
    assertThat(Catalogue.standard().entries())
        .allSatisfy(e -> assertThat(e.section()).as(e.id()).isEqualTo(sections.get(e.id())));
  }

  @Test
  void titlesAreShortOneLineParaphrases() {
    assertThat(Catalogue.standard().entries())
        .allSatisfy(
            e ->
                assertThat(e.title())
                    .as(e.id())
                    .hasSizeLessThanOrEqualTo(70)
                    .doesNotContain("\t", "[PY-", "`", "**"));
  }

  private static Map<String, String> sectionsInStandard() throws IOException {
    Pattern chapter = Pattern.compile("^##\\s+(\\d+)\\.");
    Pattern subsection = Pattern.compile("^###\\s+(\\d+\\.\\d+)");
    Pattern rule = Pattern.compile("^\\s*- \\[(PY-[A-Z]+-\\d{3})\\]");
    Map<String, String> sections = new LinkedHashMap<>();
    String current = "";
    for (String line : Files.readAllLines(CatalogueTest.resolveStandard())) {
      Matcher m;
      if ((m = chapter.matcher(line)).find() || (m = subsection.matcher(line)).find()) {
        current = m.group(1);
      } else if ((m = rule.matcher(line)).find()) {
        sections.put(m.group(1), current);
      }
    }
    return sections;
  }
}
