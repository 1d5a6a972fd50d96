package dev.fleetcheck.core.rules.tests;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The test rules (section 14). */
public final class TestRules {

  private TestRules() {}

  public static List<Rule> all() {
    return List.of(new TestFilesExist(), new ExplainedTests());
  }
}
