package dev.fleetcheck.core.rules.gates;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-PKG-002: the CLI offers {@code --version}: argparse {@code action="version"}, an option
 * declared with the string {@code --version} (argparse, click, typer, anything), {@code
 * click.version_option}, or optparse's {@code OptionParser(version=...)} (RULES.md, "Decisions").
 */
public final class VersionOption implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
          "PY-PKG-002",
          Profile.CLI,
          "Add a --version option that prints the package version (and the git SHA when"
              + " available): argparse `action=\"version\"`, `@click.version_option()`, or a typer"
              + " `--version` option with an eager callback.");

  private static final List<Marker> MARKERS =
      List.of(
          new Marker(
              "action",
              Pattern.compile("\\baction\\s*=\\s*(['\"])version\\1"),
              "argparse action=\"version\""),
          new Marker("--version", Pattern.compile("(['\"])--version\\1"), "a --version option"),
          new Marker(
              "version_option",
              Pattern.compile("\\bversion_option\\s*\\("),
              "click version_option"));
  private static final Pattern OPTION_PARSER = Pattern.compile("\\bOptionParser\\s*\\(");
  private static final Pattern VERSION_KEYWORD = Pattern.compile("\\bversion\\s*=");

  /** A pattern, a literal every match of it contains, and what a match means. */
  private record Marker(String literal, Pattern pattern, String description) {}

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonSources sources = context.fact(PythonSources.FACT);
    for (Marker marker : MARKERS) {
      Optional<Evidence> found =
          sources.find(marker.literal(), marker.pattern(), marker.description());
      if (found.isPresent()) {
        return Outcome.pass(found.get());
      }
    }
    for (String path : sources.paths()) {
      Optional<Evidence> optparse = sources.code(path).flatMap(code -> optparse(path, code));
      if (optparse.isPresent()) {
        return Outcome.pass(optparse.get());
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no --version option in the CLI code (argparse action=\"version\", a \"--version\""
                + " option, click.version_option, optparse version=)"));
  }

  /** {@code OptionParser(..., version=...)}: the keyword inside the call's parentheses. */
  private static Optional<Evidence> optparse(String path, String code) {
    if (!code.contains("OptionParser")) {
      return Optional.empty();
    }
    Matcher call = OPTION_PARSER.matcher(code);
    while (call.find()) {
      int depth = 1;
      int i = call.end();
      while (i < code.length() && depth > 0) {
        char c = code.charAt(i);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        i++;
      }
      String arguments = code.substring(call.end(), Math.max(call.end(), i - 1));
      if (VERSION_KEYWORD.matcher(arguments).find()) {
        return Optional.of(
            Evidence.at(path, TextLines.lineAt(code, call.start()), "optparse version="));
      }
    }
    return Optional.empty();
  }
}
