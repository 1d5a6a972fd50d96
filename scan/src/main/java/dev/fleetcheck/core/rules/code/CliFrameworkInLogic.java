package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * PY-CODE-001 (assisted): a module outside the CLI layer ({@link CliLayer}) importing a CLI
 * framework.
 */
public final class CliFrameworkInLogic implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-001",
              Set.of(Profile.CLI),
              "Keep click/typer/argparse in the CLI layer; let business modules take plain"
                  + " arguments and raise their own exceptions.")
          .defined(
              "FAIL per product module outside the CLI layer (modules declaring parsers, commands"
                  + " or options, __main__.py, cli.py, main.py, modules under cli/ or commands/)"
                  + " that imports click, typer, argparse or optparse (the framework's own package importing itself"
                  + " excepted); else MANUAL. NOT_APPLICABLE"
                  + " without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    CliLayer layer = CliLayer.of(context);
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // An import of a framework spells its name in the import statement.
      if (!module.mentionsAny(CliLayer.FRAMEWORKS) || layer.inLayer(module)) {
        continue;
      }
      Set<String> used = new TreeSet<>();
      List<String> ownPackages = List.of(module.path().split("/"));
      for (String imported : module.imports().values()) {
        for (String framework : CliLayer.FRAMEWORKS) {
          // The framework's own source (a repository that is click) imports itself.
          if (ownPackages.contains(framework)) {
            continue;
          }
          if (imported.equals(framework) || imported.startsWith(framework + ".")) {
            used.add(framework);
          }
        }
      }
      if (!used.isEmpty()) {
        findings.add(
            Evidence.file(
                module.path(), "module outside the CLI layer imports " + String.join(", ", used)));
      }
    }
    return Outcome.assisted(findings);
  }
}
