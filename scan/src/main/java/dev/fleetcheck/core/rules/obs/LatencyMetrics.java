package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-040 (assisted): latency percentiles per operation. FAIL when an API records metrics only
 * through code that creates no distribution: no prometheus {@code Histogram}/{@code Summary}, no
 * OpenTelemetry {@code create_histogram}, no statsd/datadog {@code timing}/{@code timed}/{@code
 * histogram}/{@code distribution}, no powertools/EMF metric in a time unit, and no instrumentator,
 * exporter or APM agent (they record latency themselves). No metrics at all is PY-OBS-038's.
 */
public final class LatencyMetrics implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-040",
              Set.of(Profile.API),
              "Record request latency as a histogram per operation (prometheus Histogram,"
                  + " OpenTelemetry create_histogram, or an instrumentator that does it).")
          .defined(
              "FAIL when the API records metrics but creates no histogram, summary or timer and"
                  + " uses no instrumentator, exporter or APM agent; gives way to PY-OBS-038 when"
                  + " no metrics exist; NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return MetricsAspect.outcome(
        context,
        metrics -> metrics.automatic().or(metrics::latency),
        "no histogram, summary or timer records latency");
  }
}
