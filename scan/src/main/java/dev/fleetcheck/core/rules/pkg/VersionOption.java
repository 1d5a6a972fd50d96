package dev.fleetcheck.core.rules.pkg;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.function.Predicate;

/**
 * PY-PKG-002: the CLI offers {@code --version}: argparse {@code action="version"}, an option
 * declared with the string {@code --version} (argparse, click, typer, anything), {@code
 * click.version_option} (aliases followed), or optparse's {@code OptionParser(version=...)}
 * (RULES.md, "Decisions"). Read from the calls of product code, so strings, comments, test code and
 * the top-level scripts/, docs/, examples/ folders never count.
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
                  + "strings and comments never count), else FAIL.",
              Effort.LOW);

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
    return Outcome.fail(
        Evidence.repository(
            "no --version option in the CLI code (argparse action=\"version\", a \"--version\""
                + " option, click.version_option, optparse version=)"));
  }

  private static boolean namesVersion(Call call) {
    for (PyValue value : call.positional()) {
      if (isString(value, "--version")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isString(PyValue value, String expected) {
    return value instanceof PyValue.Str str && str.value().equals(expected);
  }
}
