package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.facts.cli.CliCommand;
import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RULES-NEXT.md F22 for CLIs: which modules declare the command line (parsers, commands or options
 * in the CLI inventory) and which belong to the CLI layer (those, {@code __main__.py}, {@code
 * cli.py}, {@code main.py}, and modules under a {@code cli/} or {@code commands/} folder).
 */
final class CliLayer {

  static final List<String> FRAMEWORKS = List.of("click", "typer", "argparse", "optparse");

  private final Set<String> declaring;

  private CliLayer(Set<String> declaring) {
    this.declaring = declaring;
  }

  static CliLayer of(RuleContext context) {
    CliInventory inventory = context.fact(CliInventory.FACT);
    Set<String> declaring = new HashSet<>();
    inventory.commands().stream().map(CliCommand::path).forEach(declaring::add);
    inventory.options().stream().map(CliOption::path).forEach(declaring::add);
    return new CliLayer(declaring);
  }

  boolean declares(PythonModule module) {
    return declaring.contains(module.path());
  }

  boolean inLayer(PythonModule module) {
    if (declares(module)) {
      return true;
    }
    String name = module.fileName();
    if (name.equals("__main__.py") || name.equals("cli.py") || name.equals("main.py")) {
      return true;
    }
    String[] segments = module.path().split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].equals("cli") || segments[i].equals("commands")) {
        return true;
      }
    }
    return false;
  }
}
