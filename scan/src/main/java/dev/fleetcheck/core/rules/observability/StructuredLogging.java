package dev.fleetcheck.core.rules.observability;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-012: structured (JSON) logging is available: structlog, python-json-logger,
 * aws-lambda-powertools or another JSON log library, a JSON formatter named in a logging
 * configuration, or a {@code logging.Formatter} subclass that writes JSON. Required for services
 * and functions (api, lambda), recommended otherwise.
 */
public final class StructuredLogging implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
          "PY-OBS-012",
          Profile.PYTHON,
          "Make JSON logs available (`--log-format json` for CLIs, always for services): structlog,"
              + " python-json-logger, or aws-lambda-powertools Logger in Lambda functions.");

  private static final List<String[]> LIBRARIES =
      List.of(
          new String[] {"structlog", "structlog"},
          new String[] {"python-json-logger", "pythonjsonlogger"},
          new String[] {"aws-lambda-powertools", "aws_lambda_powertools"},
          new String[] {"json-log-formatter", "json_log_formatter"},
          new String[] {"ecs-logging", "ecs_logging"});
  private static final Pattern JSON_FORMATTER_NAME =
      Pattern.compile("JsonFormatter|JSONFormatter|jsonlogger|json_log_formatter|ecs_logging");

  /** One of these is in every match of {@link #JSON_FORMATTER_NAME}. */
  private static final List<String> JSON_FORMATTER_LITERALS =
      List.of("Formatter", "jsonlogger", "json_log_formatter", "ecs_logging");

  private static final Set<String> CONFIG_EXTENSIONS =
      Set.of(".ini", ".cfg", ".conf", ".yaml", ".yml", ".json", ".toml", ".py");
  private static final Pattern FORMATTER_SUBCLASS =
      Pattern.compile("class\\s+\\w+\\s*\\(\\s*(?:logging\\.)?Formatter\\s*\\)");
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
    for (String[] library : LIBRARIES) {
      Optional<Evidence> found =
          Signals.library(context, library[0], library[1], library[0] + " gives structured logs");
      if (found.isPresent()) {
        return Outcome.pass(found.get());
      }
    }
    Optional<Evidence> config = jsonFormatterInConfig(context);
    if (config.isPresent()) {
      return Outcome.pass(config.get());
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    for (String path : sources.paths()) {
      Optional<String> code = sources.code(path);
      if (code.isPresent()
          && code.get().contains("Formatter")
          && code.get().contains("dumps")
          && FORMATTER_SUBCLASS.matcher(code.get()).find()
          && JSON_DUMPS.matcher(code.get()).find()) {
        var m = FORMATTER_SUBCLASS.matcher(code.get());
        m.find();
        return Outcome.pass(
            Evidence.at(
                path,
                dev.fleetcheck.core.facts.TextLines.lineAt(code.get(), m.start()),
                "a logging.Formatter subclass that writes JSON"));
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no structured logging: no structlog, python-json-logger or aws-lambda-powertools,"
                + " and no JSON formatter in a logging configuration"));
  }

  private static Optional<Evidence> jsonFormatterInConfig(RuleContext context) {
    for (SourceFile file : context.snapshot().files()) {
      String name = file.name().toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      if (file.testCode()
          || !PythonSources.isProductPath(file.path())
          || dot < 0
          || !CONFIG_EXTENSIONS.contains(name.substring(dot))
          || !(name.contains("log") || file.isPython() || name.startsWith("settings"))) {
        continue;
      }
      Optional<String> text =
          file.isPython()
              ? context.fact(PythonSources.FACT).code(file.path())
              : context.snapshot().readText(file.path());
      if (text.isEmpty() || JSON_FORMATTER_LITERALS.stream().noneMatch(text.get()::contains)) {
        continue;
      }
      var m = JSON_FORMATTER_NAME.matcher(text.get());
      if (m.find()) {
        return Optional.of(
            Evidence.at(
                file.path(),
                dev.fleetcheck.core.facts.TextLines.lineAt(text.get(), m.start()),
                "JSON log formatter " + m.group() + " configured"));
      }
    }
    return Optional.empty();
  }
}
