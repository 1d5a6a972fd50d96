package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md's rule tables are generated from the rule specs ({@link RulesDoc}): the page in the
 * repository is what `make docs` writes today, and the prose around the tables names no rule row.
 */
class RulesDocTest {

  private static final Path PAGE = Path.of("..", "docs", "rules.md");

  @Test
  void theGeneratedSectionIsUpToDate() throws IOException {
    String page = Files.readString(PAGE);
    String fresh = RulesDoc.splice(page, RulesDoc.section(RulePack.standard()));

    assertThat(page)
        .as("docs/rules.md is stale: run `%s` and commit the result", RulesDoc.REGENERATE)
        .isEqualTo(fresh);
  }

  @Test
  void everyCheckedRuleHasOneRowWithItsDefinitionEffortAndSourceLink() {
    String section = RulesDoc.section(RulePack.standard());
    for (RuleMeta meta : RulePack.standard().metas()) {
      long rows = section.lines().filter(line -> line.startsWith("| " + meta.id() + " |")).count();
      assertThat(rows).as(meta.id()).isEqualTo(meta.kind().checked() ? 1 : 0);
    }
    assertThat(section)
        .contains(
            "| PY-SEC-041 | required | api, cli, lambda, python | automated | ",
            "](../scan/src/main/java/dev/fleetcheck/core/rules/sec/HardCodedSecrets.java) |",
            "| PY-ERR-001 | required | python | assisted | ");
  }

  @Test
  void theCountsSayHowManyRulesOfEachKindHaveACheck() {
    long assisted =
        RulePack.standard().metas().stream().filter(m -> m.kind() == RuleKind.ASSISTED).count();

    assertThat(RulesDoc.section(RulePack.standard()))
        .contains(" and " + assisted + " are assisted");
  }

  @Test
  void theProseOutsideTheGeneratedSectionListsNoRuleRow() throws IOException {
    String page = Files.readString(PAGE);
    String prose =
        page.substring(0, page.indexOf(RulesDoc.BEGIN))
            + page.substring(page.indexOf(RulesDoc.END));

    assertThat(prose.lines().filter(line -> line.matches("^\\| PY-[A-Z]+-\\d{3} \\|.*"))).isEmpty();
  }

  @Test
  void splicingReplacesOnlyTheMarkedSection() {
    String page = "intro\n" + RulesDoc.BEGIN + "\nold\n" + RulesDoc.END + "\noutro\n";

    assertThat(RulesDoc.splice(page, RulesDoc.BEGIN + "\nnew\n" + RulesDoc.END))
        .isEqualTo("intro\n" + RulesDoc.BEGIN + "\nnew\n" + RulesDoc.END + "\noutro\n");
    assertThatThrownBy(() -> RulesDoc.splice("no markers", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generated: rules");
  }
}
