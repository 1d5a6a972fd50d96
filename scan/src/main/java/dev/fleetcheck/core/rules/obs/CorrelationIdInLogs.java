package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-010 (assisted): correlation ids appear in logs. No correlation id at all is PY-OBS-004's
 * FAIL (same obligation, scored there). Otherwise FAIL when no mechanism adds the id to log
 * records: no structlog context binding, logging filter or {@code LoggerAdapter}, no correlation
 * library (asgi-correlation-id, django-guid, django-log-request-id), no powertools correlation or
 * {@code append_keys}, no loguru {@code contextualize}, and no log call carrying a request or
 * correlation id field. Error bodies and traces stay manual.
 */
public final class CorrelationIdInLogs implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-010",
              Set.of(Profile.API),
              "Put the correlation id on every log record: structlog bind_contextvars, a"
                  + " logging.Filter setting request_id, asgi-correlation-id's CorrelationIdFilter"
                  + " or powertools correlation ids.")
          .defined(
              "FAIL when no mechanism adds the correlation id to log records (structlog context"
                  + " binding, a logging filter or LoggerAdapter, a correlation library, powertools"
                  + " correlation/append_keys, loguru contextualize, or a request_id field on a log"
                  + " call, oslo.log whose context formatter writes oslo.context's request_id on"
                  + " every record); gives way to PY-OBS-004 when no correlation id exists.",
              Effort.MEDIUM);

  private static final Set<String> MECHANISMS =
      Set.of(
          "bind_contextvars",
          "merge_contextvars",
          "addFilter",
          "LoggerAdapter",
          "CorrelationIdFilter",
          "setLogRecordFactory",
          "append_keys",
          "set_correlation_id",
          "contextualize");
  private static final List<String> LIBRARIES =
      List.of(
          "asgi_correlation_id", "django_guid", "log_request_id", "flask_request_id", "oslo_log");
  private static final Pattern ID_FIELD =
      Pattern.compile("(?i)request_?id|correlation_?id|trace_?id");
  private static final Pattern FILTER_CLASS =
      Pattern.compile("class\\s+\\w+\\s*\\(\\s*(?:logging\\.)?(?:Filter|LoggerAdapter)\\s*\\)");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Outcome> missing =
        Homes.failing(context, "a missing correlation id is", List.of(new CorrelationIdInbound()));
    if (missing.isPresent()) {
      return missing.get();
    }
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    boolean mechanism =
        LIBRARIES.stream().anyMatch(l -> sources.imports(l).isPresent())
            || sources.find("Filter", FILTER_CLASS, "filter").isPresent()
            || sources.find("Adapter", FILTER_CLASS, "adapter").isPresent()
            || modules.stream().anyMatch(CorrelationIdInLogs::bindsIds)
            || context.fact(LogEvents.FACT).sites().stream()
                .anyMatch(s -> s.keys().stream().anyMatch(k -> ID_FIELD.matcher(k).find()));
    if (mechanism) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.repository(
            "no mechanism adds the correlation id to log records: no structlog context binding,"
                + " logging filter or adapter, correlation library, powertools correlation or"
                + " request_id log field"));
  }

  private static boolean bindsIds(PythonModule module) {
    for (Call call : module.calls()) {
      if (MECHANISMS.contains(call.name())
          || call.hasKeyword("correlation_id_path")
          || (call.name().equals("bind")
              && call.keywords().keySet().stream().anyMatch(k -> ID_FIELD.matcher(k).find()))) {
        return true;
      }
    }
    return false;
  }
}
