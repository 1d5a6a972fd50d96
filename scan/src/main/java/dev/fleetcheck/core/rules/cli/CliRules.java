package dev.fleetcheck.core.rules.cli;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The CLI contract and CLI diagnostics (sections 4, 9.5, 10, 12). */
public final class CliRules {

  private CliRules() {}

  public static List<Rule> all() {
    return List.of(
        new RunId(),
        new DiagnosticsOption(),
        new CommandHelp(),
        new StdoutOutput(),
        new UsualOptionNames(),
        new CommandEvents());
  }
}
