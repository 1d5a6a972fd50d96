package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-030 (assisted): database logs give query name, row count and slow-query warnings, not raw
 * SQL. A finding per SQLAlchemy engine created with a literal truthy {@code echo} ({@code True},
 * {@code "debug"}: raw SQL and parameters logged), and per unconditional {@code setLevel(INFO |
 * DEBUG)} on the {@code sqlalchemy.engine} logger ({@link LevelSettings}). Django's {@code LOGGING}
 * for {@code django.db.backends} is not read.
 */
public final class SqlStatementLogging implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-030",
              Set.of(Profile.API, Profile.LAMBDA),
              "Do not echo SQL in production: drop echo=True and log query names, row counts"
                  + " and slow-query warnings instead.")
          .defined(
              "FAIL per create_engine/create_async_engine with a literal truthy echo and per"
                  + " unconditional setLevel(INFO|DEBUG) on the sqlalchemy.engine logger in"
                  + " product code (Django LOGGING not read); NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> ENGINES =
      Set.of("sqlalchemy.create_engine", "sqlalchemy.ext.asyncio.create_async_engine");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome engines = ProductCode.outcome(context, SqlStatementLogging::echoes);
    if (engines.status() == Status.NOT_APPLICABLE) {
      return engines;
    }
    List<Evidence> findings = new ArrayList<>();
    if (engines.status() == Status.FAIL) {
      findings.addAll(engines.evidence());
    }
    for (LevelSettings.Setting setting : context.fact(LevelSettings.FACT).all()) {
      boolean engineLogger =
          setting.target().filter(t -> t.startsWith("sqlalchemy.engine")).isPresent();
      boolean verbose =
          setting.level().filter(l -> l.equals("DEBUG") || l.equals("INFO")).isPresent();
      if (engineLogger && verbose && setting.unconditional()) {
        findings.add(setting.at("the sqlalchemy.engine logger logs every SQL statement"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static List<Evidence> echoes(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    // A finding needs the keyword argument echo=, which spells that name.
    if (!module.mentions("echo")) {
      return findings;
    }
    for (Call call : module.calls()) {
      if (!ENGINES.contains(call.callee())) {
        continue;
      }
      Optional<PyValue> echo = call.keyword("echo");
      boolean on =
          echo.filter(v -> v instanceof PyValue.Bool b && b.value()).isPresent()
              || echo.filter(
                      v ->
                          v instanceof PyValue.Str s
                              && s.value().toLowerCase(Locale.ROOT).equals("debug"))
                  .isPresent();
      if (on) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                call.written() + "(echo=...) logs every SQL statement and its parameters"));
      }
    }
    return findings;
  }
}
