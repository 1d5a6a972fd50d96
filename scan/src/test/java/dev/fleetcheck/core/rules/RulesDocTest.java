package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the project's own rule documentation: it names every automated rule in its
 * sections, and every assisted rule in the section "Assisted rules" and nowhere else.
 */
class RulesDocTest {

  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| (PY-[A-Z]+-\\d{3}) \\| (required|recommended|advisory) \\|");

  private static final Pattern STATED_COUNT = Pattern.compile("(\\d+) are checked by a machine");
  private static final Pattern STATED_ASSISTED = Pattern.compile("(\\d+) are assisted");
  static final String ASSISTED_HEADING = "\n## Assisted rules";

  @Test
  void listsExactlyTheAutomatedRulesWithTheirLevels() throws IOException {
    String doc = doc();
    Map<String, String> documented = rows(withoutAssistedSection(doc));
    Map<String, String> automated = pack(RuleKind.AUTOMATED);
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(automated);
    Matcher count = STATED_COUNT.matcher(doc);
    assertThat(count.find()).as("the page says how many rules a machine checks").isTrue();
    assertThat(Integer.parseInt(count.group(1))).isEqualTo(automated.size());
  }

  @Test
  void listsExactlyTheAssistedRulesInTheirOwnSection() throws IOException {
    String doc = doc();
    Map<String, String> assisted = pack(RuleKind.ASSISTED);
    assertThat(rows(assistedSection(doc))).containsExactlyInAnyOrderEntriesOf(assisted);
    Matcher count = STATED_ASSISTED.matcher(doc);
    assertThat(count.find()).as("the page says how many rules are assisted").isTrue();
    assertThat(Integer.parseInt(count.group(1))).isEqualTo(assisted.size());
  }

  private static String doc() throws IOException {
    return Files.readString(Path.of("..", "docs", "rules.md"));
  }

  private static Map<String, String> pack(RuleKind kind) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (RuleMeta meta : RulePack.standard().metas()) {
      if (meta.kind() == kind) {
        rules.put(meta.id(), meta.level().id());
      }
    }
    return rules;
  }

  private static Map<String, String> rows(String text) {
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(text);
    while (m.find()) {
      assertThat(documented.put(m.group(1), m.group(2))).as("listed twice: " + m.group(1)).isNull();
    }
    return documented;
  }

  private static String assistedSection(String doc) {
    int start = doc.indexOf(ASSISTED_HEADING);
    assertThat(start).as("docs/rules.md has a section \"## Assisted rules\"").isNotNegative();
    int end = doc.indexOf("\n## ", start + ASSISTED_HEADING.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static String withoutAssistedSection(String doc) {
    return doc.replace(assistedSection(doc), "");
  }
}
