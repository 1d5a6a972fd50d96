package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/rules.md is the project's own rule documentation: it must name every automated rule. */
class RulesDocTest {

  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| (PY-[A-Z]+-\\d{3}) \\| (required|recommended|advisory) \\|");

  private static final Pattern STATED_COUNT = Pattern.compile("(\\d+) are checked by a machine");

  @Test
  void listsExactlyTheAutomatedRulesWithTheirLevels() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "rules.md"));
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(doc);
    while (m.find()) {
      assertThat(documented.put(m.group(1), m.group(2))).as("listed twice: " + m.group(1)).isNull();
    }
    Map<String, String> automated = new LinkedHashMap<>();
    for (RuleMeta meta : RulePack.standard().metas()) {
      if (meta.automated()) {
        automated.put(meta.id(), meta.level().id());
      }
    }
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(automated);
    Matcher count = STATED_COUNT.matcher(doc);
    assertThat(count.find()).as("the page says how many rules a machine checks").isTrue();
    assertThat(Integer.parseInt(count.group(1))).isEqualTo(automated.size());
  }
}
