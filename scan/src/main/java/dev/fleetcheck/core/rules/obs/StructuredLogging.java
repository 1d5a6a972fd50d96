package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-OBS-012: structured (JSON) logging is available: structlog, python-json-logger,
 * aws-lambda-powertools or another JSON log library, a JSON formatter set up in logging
 * configuration ({@link JsonLogFormatters}), or a {@code logging.Formatter} subclass that writes
 * JSON. A class that is only named like a JSON formatter does not count. Required for services and
 * functions (api, lambda), recommended otherwise.
 */
public final class StructuredLogging implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-012",
              Profile.PYTHON,
              "Make JSON logs available (`--log-format json` for CLIs, always for services): structlog,"
                  + " python-json-logger, or aws-lambda-powertools Logger in Lambda functions.")
          .defined(
              "PASS when structured logging is available: structlog, "
                  + "python-json-logger, aws-lambda-powertools, or a JSON formatter that "
                  + "logging configuration sets up (a `logging.Formatter` subclass dumping "
                  + "JSON, a dictConfig or config-file factory, `setFormatter(...)`), or "
                  + "oslo.log set up by `log.register_options(conf)` (its `use_json` option "
                  + "switches to oslo.log's JSONFormatter, `debug` sets the level); else "
                  + "FAIL. Required for api and lambda, recommended otherwise.",
              Effort.MEDIUM);

  private static final List<String[]> LIBRARIES =
      List.of(
          new String[] {"structlog", "structlog"},
          new String[] {"python-json-logger", "pythonjsonlogger"},
          new String[] {"aws-lambda-powertools", "aws_lambda_powertools"},
          new String[] {"json-log-formatter", "json_log_formatter"},
          new String[] {"ecs-logging", "ecs_logging"});
  private static final String OSLO_REGISTER_OPTIONS = "oslo_log.log.register_options";
  private static final Set<String> CONFIG_EXTENSIONS =
      Set.of(".ini", ".cfg", ".conf", ".yaml", ".yml", ".json", ".toml");
  private static final Pattern FORMATTER_SUBCLASS =
      Pattern.compile("class\\s+(\\w+)\\s*\\(\\s*(?:logging\\.)?Formatter\\s*\\)");
  private static final Pattern JSON_DUMPS =
      Pattern.compile("\\bjson\\.dumps\\s*\\(|\\bdumps\\s*\\(");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Level level(Level catalogued, Set<Profile> profiles) {
    return profiles.contains(Profile.API) || profiles.contains(Profile.LAMBDA)
        ? Level.REQUIRED
        : catalogued;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    for (String[] library : LIBRARIES) {
      Optional<Evidence> found =
          Signals.library(context, library[0], library[1], library[0] + " gives structured logs");
      if (found.isPresent()) {
        return Outcome.pass(found.get());
      }
    }
    Optional<Evidence> oslo = osloLog(context);
    if (oslo.isPresent()) {
      return Outcome.pass(oslo.get());
    }
    Optional<Evidence> config = jsonFormatterInConfig(context);
    if (config.isPresent()) {
      return Outcome.pass(config.get());
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    for (String path : sources.paths()) {
      Optional<Evidence> subclass = sources.code(path).flatMap(code -> jsonSubclass(path, code));
      if (subclass.isPresent()) {
        return Outcome.pass(subclass.get());
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no structured logging: no structlog, python-json-logger or aws-lambda-powertools,"
                + " and no JSON formatter in a logging configuration"));
  }

  /**
   * oslo.log registered on the service's configuration: {@code use_json = True} then selects its
   * JSONFormatter, so JSON logs are one setting away (OpenStack services: keystone, barbican).
   */
  private static Optional<Evidence> osloLog(RuleContext context) {
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (!module.mentions("register_options")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (call.callee().equals(OSLO_REGISTER_OPTIONS)) {
          return Optional.of(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "oslo.log options registered: use_json = True writes JSON logs"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code logging.Formatter} subclass that writes JSON: its module dumps JSON, or the class is
   * named as a JSON formatter.
   */
  private static Optional<Evidence> jsonSubclass(String path, String code) {
    if (!code.contains("Formatter")) {
      return Optional.empty();
    }
    Matcher subclass = FORMATTER_SUBCLASS.matcher(code);
    boolean dumps = code.contains("dumps") && JSON_DUMPS.matcher(code).find();
    while (subclass.find()) {
      if (dumps || JsonLogFormatters.isJsonFormatterName(subclass.group(1))) {
        return Optional.of(
            Evidence.at(
                path,
                TextLines.lineAt(code, subclass.start()),
                "a logging.Formatter subclass that writes JSON"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> jsonFormatterInConfig(RuleContext context) {
    ProfileScope scope = context.fact(ProfileScope.FACT);
    for (SourceFile file : context.snapshot().files()) {
      String name = file.name().toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      if (file.isPython()
          || !scope.decides(file)
          || dot < 0
          || !CONFIG_EXTENSIONS.contains(name.substring(dot))
          || !(name.contains("log") || name.startsWith("settings"))) {
        continue;
      }
      Optional<Evidence> configured =
          context
              .snapshot()
              .readText(file.path())
              .filter(JsonLogFormatters::mayName)
              .flatMap(text -> JsonLogFormatters.inConfigFile(file.path(), text));
      if (configured.isPresent()) {
        return configured;
      }
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    for (String path : sources.paths()) {
      Optional<Evidence> configured =
          sources
              .code(path)
              .filter(JsonLogFormatters::mayName)
              .flatMap(
                  code -> codebase.module(path).flatMap(m -> JsonLogFormatters.inPython(m, code)));
      if (configured.isPresent()) {
        return configured;
      }
    }
    return Optional.empty();
  }
}
