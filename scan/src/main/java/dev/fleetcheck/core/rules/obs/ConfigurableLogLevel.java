package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-049 (assisted): a configurable diagnostic mode. FAIL when every log level product code
 * sets is a literal ({@link LevelSettings}) and nothing lets configuration drive it: no setting
 * with a non-literal level, no powertools {@code Logger()} without {@code level=} (it reads {@code
 * POWERTOOLS_LOG_LEVEL}), no {@code dictConfig}/{@code fileConfig}, and no name or string in
 * product code mentioning a log level, verbosity or a debug switch ({@code LOG_LEVEL}, {@code
 * log_level}, {@code verbose}, {@code args.debug}, {@code DEBUG = ...}).
 */
public final class ConfigurableLogLevel implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-049",
              Set.of(Profile.API, Profile.LAMBDA),
              "Read the log level from configuration (e.g. LOG_LEVEL) so diagnostics can be"
                  + " turned up without a code change.")
          .defined(
              "FAIL when every log level set in product code is a literal and no LOG_LEVEL,"
                  + " log-level, verbose or debug setting is read (powertools Logger() without"
                  + " level=, dictConfig and fileConfig count as configurable, and so does a"
                  + " default set only while the logger has no level: `if log.level =="
                  + " logging.NOTSET: log.setLevel(...)`); NOT_APPLICABLE"
                  + " when product code sets no level.",
              Effort.LOW);

  private static final Pattern SWITCH =
      Pattern.compile("(?i)log_?level|verbos|(?<!logging\\.)(?<!\\w)debug\\b(?!\\s*\\()");
  private static final Set<String> CONFIG =
      Set.of("logging.config.dictConfig", "logging.config.fileConfig");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LevelSettings.Setting> settings = context.fact(LevelSettings.FACT).all();
    if (settings.isEmpty()) {
      return Outcome.notApplicable("product code sets no log level");
    }
    boolean configurable =
        settings.stream().anyMatch(s -> s.level().isEmpty() || s.defaultOnly())
            || PythonCodebase.of(context.facts()).productModules().stream()
                .anyMatch(m -> m.calls().stream().anyMatch(c -> CONFIG.contains(c.callee())));
    PythonSources sources = context.fact(PythonSources.FACT);
    configurable =
        configurable
            || sources.find("evel", SWITCH, "switch").isPresent()
            || sources.find("EVEL", SWITCH, "switch").isPresent()
            || sources.find("erbos", SWITCH, "switch").isPresent()
            || sources.find("ebug", SWITCH, "switch").isPresent()
            || sources.find("EBUG", SWITCH, "switch").isPresent();
    if (configurable) {
      return Outcome.noEvidentViolation();
    }
    LevelSettings.Setting first = settings.get(0);
    return Outcome.fail(
        first.at(
            first.call().written()
                + "(...) sets a fixed level and no setting, variable or option can change it"));
  }
}
