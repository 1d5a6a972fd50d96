package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.Set;

/**
 * PY-OBS-038 (assisted): an API records request rate by operation and status class. FAIL when an
 * API not hosted on Lambda records no metrics at all ({@link MetricsInventory}: no
 * prometheus_client, instrumentator or exporter, statsd/datadog, APM agent, OpenTelemetry metrics,
 * aws-embedded-metrics or powertools Metrics). On Lambda, API Gateway and Lambda emit request and
 * 4xx/5xx metrics without code, so the answer stays manual.
 */
public final class RequestMetrics implements Rule {

  static final String ID = "PY-OBS-038";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.API),
              "Record request rate by operation and status class, e.g. with"
                  + " prometheus-fastapi-instrumentator, django-prometheus or OpenTelemetry"
                  + " metrics.")
          .defined(
              "FAIL when an API not hosted on Lambda declares or imports no metrics library"
                  + " (prometheus_client and its exporters, statsd/datadog, APM agents,"
                  + " OpenTelemetry, aws-embedded-metrics, powertools Metrics); Lambda-hosted"
                  + " APIs stay MANUAL; NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    if (context.fact(MetricsInventory.FACT).library().isPresent() || lambdaHosted(context)) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.repository(
            "no metrics are recorded: no metrics library, instrumentator, APM agent or"
                + " OpenTelemetry is declared or imported"));
  }

  static boolean lambdaHosted(RuleContext context) {
    return context.has(Profile.LAMBDA) || !context.fact(LambdaHandlers.FACT).isEmpty();
  }
}
