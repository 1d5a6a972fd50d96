package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-044 (assisted): metric names and label keys are stable and bounded. In modules importing a
 * metrics library ({@link MetricsInventory}), a finding per metric name built at run time (an
 * f-string, {@code +} concatenation, {@code .format} or {@code %} as the name of {@code Counter},
 * {@code Histogram}, {@code create_counter}, {@code add_metric}, statsd {@code increment}...), per
 * label key that is not a literal ({@code .labels(**tags)}, an f-string key of {@code
 * add_dimension}, a dimensions or attributes dict, or a {@code f"{k}:v"} tag). Raw request values
 * as label values are PY-OBS-043's findings and are not repeated here.
 */
public final class BoundedMetricNames implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-044",
              Set.of(Profile.PYTHON),
              "Use literal metric names and label keys; put variable parts in bounded label"
                  + " values (route template, status class), never in the name or the key.")
          .defined(
              "FAIL per metric name built at run time (f-string, concatenation, format) and per"
                  + " label, dimension, attribute or tag key that is not a literal (**labels,"
                  + " f-string keys); raw request values as label values are left to PY-OBS-043;"
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Pattern BUILT =
      Pattern.compile(
          "(?s)^(?:[rRbB]?[fF][rR]?[\"'].*|.*[\"']\\s*(?:\\+|%).*|.*\\+\\s*[\"'].*"
              + "|.*[\"']\\s*\\.format\\(.*)$");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (MetricsInventory.MetricCall metric : context.fact(MetricsInventory.FACT).calls()) {
      problem(metric.call()).ifPresent(p -> findings.add(metric.at(p)));
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> problem(Call call) {
    String name = call.name();
    if (MetricsInventory.INSTRUMENTS.contains(name)) {
      PyValue metricName =
          call.keyword("name")
              .orElse(call.positional().isEmpty() ? null : call.positional().get(0));
      if (built(metricName)) {
        return Optional.of(
            "metric name built at run time in " + call.written() + "(...): unbounded names");
      }
    }
    if (name.equals("labels") && call.kwargsSplat()) {
      return Optional.of(call.written() + "(**...) takes label keys from data");
    }
    if (name.equals("add_dimension")) {
      PyValue key =
          call.keyword("name")
              .orElse(call.positional().isEmpty() ? null : call.positional().get(0));
      if (built(key)) {
        return Optional.of("dimension name built at run time in " + call.written() + "(...)");
      }
    }
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    for (PyValue value : values) {
      if (value instanceof PyValue.Dict dict
          && dict.entries().stream().anyMatch(e -> built(e.key()))) {
        return Optional.of("label key built at run time in " + call.written() + "(...)");
      }
    }
    Optional<PyValue> tags = call.keyword("tags");
    if (tags.isPresent() && tags.get() instanceof PyValue.Seq seq) {
      for (PyValue tag : seq.items()) {
        if (tag instanceof PyValue.Expr e && e.text().matches("(?s)[fF][\"']\\{[^}]*\\}:.*")) {
          return Optional.of("tag key built at run time in " + call.written() + "(...)");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean built(PyValue value) {
    return value instanceof PyValue.Expr expr && BUILT.matcher(expr.text().trim()).matches();
  }
}
