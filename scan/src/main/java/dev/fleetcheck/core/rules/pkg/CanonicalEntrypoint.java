package dev.fleetcheck.core.rules.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-PKG-001: the CLI has one canonical entrypoint: a console script ({@code [project.scripts]},
 * {@code [tool.poetry.scripts]}, setup.py / setup.cfg {@code console_scripts}) at a config root, or
 * a package {@code __main__.py} in product code.
 */
public final class CanonicalEntrypoint implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-PKG-001",
              Profile.CLI,
              "Declare the CLI's entrypoint once: `[project.scripts] mytool = \"mypkg.cli:main\"` in"
                  + " pyproject.toml (or a package `__main__.py` for `python -m mypkg`).")
          .defined(
              "PASS when the CLI has one canonical entrypoint: `[project.scripts]` "
                  + "(or setup.py `entry_points` console_scripts) or a package "
                  + "`__main__.py`; else FAIL.",
              Effort.LOW);

  private static final Pattern CONSOLE_SCRIPTS = Pattern.compile("console_scripts");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    for (Pyproject.RootPyproject py : context.fact(Pyproject.AT_ROOTS)) {
      for (String[] table :
          new String[][] {
            {"project", "scripts"}, {"tool", "poetry", "scripts"}, {"tool", "flit", "scripts"}
          }) {
        JsonNode scripts = py.node(table);
        if (scripts.isObject() && !scripts.isEmpty()) {
          String name = String.join(".", table);
          return Outcome.pass(
              Evidence.at(
                  py.path(),
                  TextLines.tableLine(py.text(), name),
                  "console script " + scripts.fieldNames().next() + " in [" + name + "]"));
        }
      }
    }
    for (String root : context.fact(ConfigRoots.FACT)) {
      Optional<Evidence> declared = setupCfg(context, root + "setup.cfg");
      if (declared.isEmpty()) {
        declared = setupPy(context, root + "setup.py");
      }
      if (declared.isPresent()) {
        return Outcome.pass(declared.get());
      }
    }
    ProfileScope scope = context.fact(ProfileScope.FACT);
    Optional<SourceFile> main =
        context.snapshot().files().stream()
            .filter(f -> f.name().equals("__main__.py"))
            .filter(scope::decides)
            .findFirst();
    if (main.isPresent()) {
      return Outcome.pass(Evidence.file(main.get().path(), "package entrypoint for python -m"));
    }
    return Outcome.fail(
        Evidence.repository(
            "no console script ([project.scripts], [tool.poetry.scripts], setup.py or setup.cfg"
                + " console_scripts) and no package __main__.py"));
  }

  private static Optional<Evidence> setupCfg(RuleContext context, String path) {
    if (!context.snapshot().exists(path)) {
      return Optional.empty();
    }
    Optional<IniFile> ini = ConfigParsers.ini(context.facts(), path).asOptional();
    Optional<String> scripts =
        ini.flatMap(i -> i.get("options.entry_points", "console_scripts"))
            .filter(s -> !s.isBlank());
    return scripts.map(
        s ->
            Evidence.at(
                path,
                TextLines.firstMatch(context.snapshot().readText(path).orElse(""), CONSOLE_SCRIPTS),
                "console_scripts in [options.entry_points]"));
  }

  private static Optional<Evidence> setupPy(RuleContext context, String path) {
    Optional<String> text = context.snapshot().readText(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int line = TextLines.firstMatch(text.get(), CONSOLE_SCRIPTS);
    return line == 0
        ? Optional.empty()
        : Optional.of(Evidence.at(path, line, "console_scripts entry point in setup.py"));
  }
}
