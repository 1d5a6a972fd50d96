package dev.fleetcheck.core.rules.qg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.ci.CiConfigs;
import dev.fleetcheck.core.facts.ci.CiStep;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-QG-004: pytest turns warnings into errors, by a {@code filterwarnings} entry whose action is
 * {@code error} in any pytest configuration at a config root, or {@code -W error} in its addopts,
 * in a task runner target or in a CI step that runs pytest.
 */
public final class WarningsAreErrors implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-QG-004",
              Profile.PYTHON,
              "Treat warnings as errors: add `filterwarnings = [\"error\"]` to"
                  + " [tool.pytest.ini_options] (ignore specific third-party warnings explicitly, and"
                  + " record any blanket exception in an ADR with rationale and expiry).")
          .defined(
              "PASS when pytest turns warnings into errors (`filterwarnings` "
                  + "containing `error`, or `-W error`), else FAIL.",
              Effort.MEDIUM);

  private static final Pattern W_ERROR =
      Pattern.compile("(?:^|\\s)(?:-W\\s*['\"]?error|-Werror|PYTHONWARNINGS=['\"]?error)\\b");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> configs = new ArrayList<>();
    for (Pyproject.RootPyproject py : context.fact(Pyproject.AT_ROOTS)) {
      for (JsonNode table :
          List.of(py.node("tool", "pytest", "ini_options"), py.node("tool", "pytest"))) {
        if (!table.isObject()) {
          continue;
        }
        Optional<Outcome> pass =
            judge(
                py.path(),
                py.text(),
                values(table.path("filterwarnings")),
                values(table.path("addopts")));
        if (pass.isPresent()) {
          return pass.get();
        }
      }
      if (py.has("tool", "pytest")) {
        configs.add(
            Evidence.at(
                py.path(),
                TextLines.tableLine(py.text(), "tool.pytest"),
                "pytest configuration does not turn warnings into errors"));
      }
    }
    for (String root : context.fact(ConfigRoots.FACT)) {
      for (String[] file :
          new String[][] {
            {"pytest.ini", "pytest"},
            {".pytest.ini", "pytest"},
            {"tox.ini", "pytest"},
            {"setup.cfg", "tool:pytest"}
          }) {
        String path = root + file[0];
        Optional<IniFile> ini =
            context.snapshot().exists(path)
                ? ConfigParsers.ini(context.facts(), path).asOptional()
                : Optional.empty();
        if (ini.isEmpty() || !ini.get().hasSection(file[1])) {
          continue;
        }
        String text = context.snapshot().readText(path).orElse("");
        Optional<Outcome> pass =
            judge(
                path,
                text,
                lines(ini.get().get(file[1], "filterwarnings").orElse("")),
                lines(ini.get().get(file[1], "addopts").orElse("")));
        if (pass.isPresent()) {
          return pass.get();
        }
        configs.add(
            Evidence.at(
                path,
                TextLines.firstMatch(
                    text, Pattern.compile("^\\s*\\[" + Pattern.quote(file[1]) + "]")),
                "pytest configuration does not turn warnings into errors"));
      }
    }
    Optional<Evidence> commandLine = commandLine(context);
    if (commandLine.isPresent()) {
      return Outcome.pass(commandLine.get());
    }
    if (configs.isEmpty()) {
      configs.add(
          Evidence.repository(
              "no pytest configuration sets filterwarnings = error (looked in pyproject.toml,"
                  + " pytest.ini, tox.ini, setup.cfg) and no pytest command passes -W error"));
    }
    return Outcome.fail(configs);
  }

  private static Optional<Outcome> judge(
      String path, String text, List<String> filters, List<String> addopts) {
    for (String filter : filters) {
      String action = filter.split(":", 2)[0].strip();
      if (action.equals("error")) {
        return Optional.of(
            Outcome.pass(
                Evidence.at(
                    path,
                    TextLines.firstMatch(text, Pattern.compile("filterwarnings")),
                    "filterwarnings turns warnings into errors: \"" + filter.strip() + "\"")));
      }
    }
    String opts = String.join(" ", addopts);
    if (W_ERROR.matcher(opts).find()) {
      return Optional.of(
          Outcome.pass(
              Evidence.at(
                  path,
                  TextLines.firstMatch(text, Pattern.compile("addopts")),
                  "addopts turns warnings into errors: " + opts.strip())));
    }
    return Optional.empty();
  }

  /** {@code -W error} on a pytest command of a task runner target or a CI step. */
  private static Optional<Evidence> commandLine(RuleContext context) {
    for (Target target : context.fact(TaskRunners.FACT).targets()) {
      for (String command : target.commands()) {
        if (command.contains("pytest") && W_ERROR.matcher(command).find()) {
          return Optional.of(
              Evidence.at(
                  target.path(),
                  target.line(),
                  target.runner() + " target `" + target.name() + "` runs " + command.strip()));
        }
      }
    }
    for (CiStep step : context.fact(CiConfigs.FACT).steps()) {
      if (step instanceof CiStep.Shell shell) {
        for (String line : shell.script().split("\n")) {
          if (line.contains("pytest") && W_ERROR.matcher(line).find()) {
            return Optional.of(Evidence.at(shell.path(), shell.line(), "CI runs " + line.strip()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    } else if (node.isValueNode()) {
      values.addAll(lines(node.asText()));
    }
    return values;
  }

  private static List<String> lines(String value) {
    return value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
