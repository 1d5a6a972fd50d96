package dev.fleetcheck.core.rules.style;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** Documentation, readability and style (section 19) beyond the code checks. */
public final class StyleRules {

  private StyleRules() {}

  public static List<Rule> all() {
    return List.of(new InterfaceTypeHints(), new TopLevelSpacing(), new DocstringPlacement());
  }
}
