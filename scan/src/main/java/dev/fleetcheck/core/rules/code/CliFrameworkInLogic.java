package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
                  + " excepted); a module extending the framework's classes (an `argparse.Action` or"
                  + " `ArgumentParser` subclass, a click `Group` or `CliRunner` subclass) declares"
                  + " parsers or commands and is in the CLI layer; an import under"
                  + " `if TYPE_CHECKING:` is no run-time dependency; else MANUAL. NOT_APPLICABLE"
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
        // Type-only imports and extensions of the framework need the module's tokens.
        Optional<Tokens> tokens = PythonCodebase.of(context.facts()).tokens(module.path());
        if (tokens.isPresent()) {
          Imports seen = Imports.read(tokens.get(), module);
          if (seen.extendsFramework()) {
            continue;
          }
          used.retainAll(seen.atRunTime());
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

  /**
   * What a module's import statements and class headers say: the frameworks imported outside an
   * {@code if TYPE_CHECKING:} block (a type-only import is no dependency at run time), and whether
   * a class extends one of the framework's classes ({@code argparse.Action}, {@code
   * ArgumentParser}, click's {@code Group} or {@code CliRunner}): such a module declares parsers or
   * commands, the CLI layer's part.
   */
  private record Imports(Set<String> atRunTime, boolean extendsFramework) {

    static Imports read(Tokens t, PythonModule module) {
      Set<String> runtime = new HashSet<>();
      boolean extendsFramework = false;
      int guardColumn = -1;
      boolean lineStart = true;
      for (int i = 0; i < t.size(); i++) {
        if (t.isTrivia(i)) {
          continue;
        }
        TokenKind kind = t.kind(i);
        if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
          lineStart = true;
          continue;
        }
        if (!lineStart) {
          continue;
        }
        lineStart = false;
        if (guardColumn >= 0 && t.column(i) <= guardColumn) {
          guardColumn = -1;
        }
        if (t.is(i, "if") && guardColumn < 0 && typeChecking(t, i)) {
          guardColumn = t.column(i);
        } else if (t.is(i, "import") || t.is(i, "from")) {
          if (guardColumn < 0) {
            roots(t, i, runtime);
          }
        } else if (t.is(i, "class")) {
          extendsFramework |= extendsFramework(t, t.skipTrivia(i + 1), module);
        }
      }
      return new Imports(runtime, extendsFramework);
    }

    private static boolean typeChecking(Tokens t, int i) {
      for (int j = i + 1; j < t.size() && !t.isOp(j, ':'); j++) {
        if (t.is(j, "TYPE_CHECKING")) {
          return true;
        }
        if (t.isKind(j, TokenKind.NEWLINE)) {
          return false;
        }
      }
      return false;
    }

    /** The first name of each module an import statement at {@code i} imports from. */
    private static void roots(Tokens t, int i, Set<String> into) {
      boolean from = t.is(i, "from");
      boolean expectModule = true;
      for (int j = i + 1; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
        if (t.isTrivia(j)) {
          continue;
        }
        if (from && t.is(j, "import")) {
          return;
        }
        if (expectModule && t.isName(j)) {
          into.add(t.text(j));
          expectModule = false;
        } else if (expectModule) {
          // A relative import names the package's own module.
          return;
        } else if (!from && t.isOp(j, ',')) {
          expectModule = true;
        }
      }
    }

    private static boolean extendsFramework(Tokens t, int name, PythonModule module) {
      int open = t.skipTrivia(name + 1);
      if (!t.isOp(open, '(')) {
        return false;
      }
      int close = t.match(open);
      for (int j = open + 1; j < close; j++) {
        if (t.isName(j) && !t.isOp(j - 1, '.')) {
          String resolved = module.imports().getOrDefault(t.text(j), "");
          for (String framework : CliLayer.FRAMEWORKS) {
            if (resolved.equals(framework) || resolved.startsWith(framework + ".")) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }
}
