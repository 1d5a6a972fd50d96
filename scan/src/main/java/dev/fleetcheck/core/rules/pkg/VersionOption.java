package dev.fleetcheck.core.rules.pkg;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * PY-PKG-002: the CLI offers {@code --version}: argparse {@code action="version"}, an option
 * declared with the string {@code --version} (argparse, click, typer, anything), {@code
 * click.version_option} (aliases followed), or optparse's {@code OptionParser(version=...)}
 * (RULES.md, "Decisions"), a list of option names holding {@code --version} ({@code
 * click.Option(["--version"])}), or a class derived from traitlets' {@code Application}, whose
 * command line answers {@code --version} by itself. Read from the calls of product code, so
 * strings, comments, test code and the top-level scripts/, docs/, examples/ folders never count.
 */
public final class VersionOption implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-PKG-002",
              Profile.CLI,
              "Add a --version option that prints the package version (and the git SHA when"
                  + " available): argparse `action=\"version\"`, `@click.version_option()`, or a typer"
                  + " `--version` option with an eager callback.")
          .defined(
              "PASS when product code offers `--version` (argparse "
                  + "`action=\"version\"` or a `--version` option, `click.version_option`, "
                  + "a typer version option; aliases and multi-line declarations followed, "
                  + "strings and comments never count), else FAIL. A list of option names "
                  + "holding `--version` (`click.Option([\"--version\"], ...)`) is a "
                  + "`--version` option, and a class derived from traitlets' `Application` "
                  + "offers it (traitlets answers `--version` itself).",
              Effort.LOW);

  private static final String APPLICATION = "Application";

  /** What a call must be to offer --version, and what a match means. */
  private record Marker(Predicate<Call> call, String description) {}

  private static final List<Marker> MARKERS =
      List.of(
          new Marker(
              call -> call.keyword("action").filter(v -> isString(v, "version")).isPresent(),
              "argparse action=\"version\""),
          new Marker(VersionOption::namesVersion, "a --version option"),
          new Marker(
              call ->
                  call.callee().endsWith("version_option") && call.name().equals("version_option"),
              "click version_option"),
          new Marker(
              call ->
                  call.hasKeyword("version")
                      && call.callee().endsWith("OptionParser")
                      && call.name().equals("OptionParser"),
              "optparse version="));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    // One pass over the calls: each marker keeps its first match, and the earliest marker with
    // one wins, as when the markers were searched for one after the other.
    Evidence[] first = new Evidence[MARKERS.size()];
    search:
    for (PythonModule module : modules) {
      for (Call call : module.calls()) {
        for (int i = 0; i < MARKERS.size(); i++) {
          if (first[i] == null && MARKERS.get(i).call().test(call)) {
            first[i] = Evidence.at(module.path(), call.line(), MARKERS.get(i).description());
            if (i == 0) {
              break search;
            }
          }
        }
      }
    }
    for (Evidence found : first) {
      if (found != null) {
        return Outcome.pass(found);
      }
    }
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    for (PythonModule module : modules) {
      // A class derived from Application spells that name in the module.
      if (module.mentions(APPLICATION)) {
        Optional<Evidence> found = traitletsApplication(codebase, module);
        if (found.isPresent()) {
          return Outcome.pass(found.get());
        }
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no --version option in the CLI code (argparse action=\"version\", a \"--version\""
                + " option, click.version_option, optparse version=)"));
  }

  private static boolean namesVersion(Call call) {
    for (PyValue value : call.positional()) {
      if (isString(value, "--version") || optionNames(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A list or tuple of option names holding {@code --version}, as click's {@code
   * click.Option(["--version"], ...)} declares one (flask's CLI does); a command line such as
   * {@code ["git", "--version"]} holds a word that is no option name.
   */
  private static boolean optionNames(PyValue value) {
    if (!(value instanceof PyValue.Seq seq) || seq.items().isEmpty()) {
      return false;
    }
    boolean version = false;
    for (PyValue item : seq.items()) {
      if (!(item instanceof PyValue.Str str) || !str.value().startsWith("-")) {
        return false;
      }
      version |= str.value().equals("--version");
    }
    return version;
  }

  /**
   * A class of product code derived from traitlets' {@code Application}: traitlets answers {@code
   * --version} (and {@code -V}) on every such application's command line by itself, printing its
   * {@code version} (IPython's and Jupyter's commands).
   */
  private static Optional<Evidence> traitletsApplication(
      PythonCodebase codebase, PythonModule module) {
    Set<String> bases = new HashSet<>();
    for (Map.Entry<String, String> entry : module.imports().entrySet()) {
      if (entry.getValue().startsWith("traitlets.") && entry.getValue().endsWith(".Application")) {
        bases.add(entry.getKey());
      }
    }
    if (bases.isEmpty()) {
      return Optional.empty();
    }
    Optional<Tokens> tokens = codebase.tokens(module.path());
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Tokens t = tokens.get();
    for (int i = 0; i < t.size(); i++) {
      if (!t.isName(i) || !t.is(i, "class") || !t.startsStatement(i)) {
        continue;
      }
      int open = t.skipTrivia(t.skipTrivia(i + 1) + 1);
      if (!t.isOp(open, '(')) {
        continue;
      }
      int close = t.match(open);
      for (int j = open + 1; j < close && j < t.size(); j++) {
        if (t.isName(j)
            && bases.contains(t.text(j))
            && !t.isOp(t.skipTriviaBack(j - 1), '.')
            && !t.isOp(t.skipTrivia(j + 1), '=')) {
          return Optional.of(
              Evidence.at(
                  module.path(),
                  t.line(i),
                  "a traitlets Application (traitlets offers --version)"));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isString(PyValue value, String expected) {
    return value instanceof PyValue.Str str && str.value().equals(expected);
  }
}
