package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-020 (assisted): DEBUG is for local or explicitly enabled diagnostics only. A finding per
 * committed production setting that turns DEBUG on: a template line setting {@code LOG_LEVEL},
 * {@code POWERTOOLS_LOG_LEVEL}, {@code LOGLEVEL} or {@code ApplicationLogLevel} to {@code DEBUG}; a
 * container file's {@code ENV LOG_LEVEL=DEBUG}; and in product code an unconditional {@code
 * basicConfig(level=DEBUG)}, {@code setLevel(DEBUG)} or powertools {@code Logger(level="DEBUG")}
 * ({@link LevelSettings}). Files whose name says dev, local or test are not production. Django
 * {@code LOGGING} dictionaries are not read.
 */
public final class ProductionDebugLogging implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-020",
              Set.of(Profile.API, Profile.LAMBDA),
              "Default production logging to INFO; enable DEBUG only locally or through an"
                  + " explicit switch (an environment variable set per deployment).")
          .defined(
              "FAIL per template line setting LOG_LEVEL, POWERTOOLS_LOG_LEVEL, LOGLEVEL or"
                  + " ApplicationLogLevel to DEBUG, container-file ENV LOG_LEVEL=DEBUG, and"
                  + " unconditional basicConfig(level=DEBUG), setLevel(DEBUG) or powertools"
                  + " Logger(level=\"DEBUG\") in product code (files named dev/local/test"
                  + " excepted; Django LOGGING not read); NOT_APPLICABLE without product code or"
                  + " template.",
              Effort.LOW);

  private static final Pattern TEMPLATE_DEBUG =
      Pattern.compile(
          "[\"']?\\b(POWERTOOLS_LOG_LEVEL|LOG_LEVEL|LOGLEVEL|ApplicationLogLevel)[\"']?\\s*:"
              + "\\s*[\"']?DEBUG\\b");
  private static final Pattern ENV_DEBUG =
      Pattern.compile(
          "^\\s*ENV\\s+.*\\b(POWERTOOLS_LOG_LEVEL|LOG_LEVEL|LOGLEVEL)[= ]\\s*[\"']?DEBUG\\b");
  private static final Pattern CONTAINER_FILE = Pattern.compile("(?i)dockerfile.*|.*\\.dockerfile");
  private static final Pattern NOT_PRODUCTION = Pattern.compile("(?i).*(dev|local|test).*");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(context.facts());
    if (PythonCodebase.of(context.facts()).productModules().isEmpty() && templates.isEmpty()) {
      return Outcome.notApplicable("no Python product code and no template");
    }
    List<Evidence> findings = new ArrayList<>();
    for (LambdaTemplates.Template template : templates) {
      if (production(template.path())) {
        scan(template.path(), template.lines(), TEMPLATE_DEBUG, findings);
      }
    }
    ProfileScope scope = context.fact(ProfileScope.FACT);
    for (SourceFile file : context.snapshot().files()) {
      if (mayBeContainerFile(file.name())
          && CONTAINER_FILE.matcher(file.name()).matches()
          && production(file.path())
          && scope.decides(file)) {
        Optional<String> text = context.snapshot().readText(file.path());
        text.ifPresent(t -> scan(file.path(), t.lines().toList(), ENV_DEBUG, findings));
      }
    }
    for (LevelSettings.Setting setting : context.fact(LevelSettings.FACT).all()) {
      if (setting.debug() && setting.unconditional() && production(setting.module().path())) {
        findings.add(
            setting.at(
                setting.call().written() + "(...) sets DEBUG unconditionally in production code"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static void scan(String path, List<String> lines, Pattern debug, List<Evidence> out) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.stripLeading().startsWith("#") && debug.matcher(line).find()) {
        out.add(Evidence.at(path, i + 1, "log level DEBUG committed for production"));
      }
    }
  }

  /**
   * What every name {@code CONTAINER_FILE} matches has: a first {@code d}, or a dot eleven
   * characters from the end; the expression then runs on few of the snapshot's files.
   */
  private static boolean mayBeContainerFile(String name) {
    int length = name.length();
    if (length < 10) {
      return false;
    }
    char first = name.charAt(0);
    return first == 'd' || first == 'D' || (length >= 11 && name.charAt(length - 11) == '.');
  }

  private static boolean production(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return !NOT_PRODUCTION.matcher(name).matches();
  }
}
