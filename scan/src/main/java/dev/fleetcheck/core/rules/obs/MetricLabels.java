package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-043: no raw ids in metric labels. Metrics are recorded with prometheus_client's {@code
 * .labels(...)}, OpenTelemetry's {@code add}/{@code record} with attributes, powertools' {@code
 * add_dimension}, aws-embedded-metrics' {@code put_dimensions}/{@code set_dimensions} and
 * statsd/datadog {@code tags=}; each in a module importing its library. A finding per label whose
 * key is {@code id}, ends in {@code _id}/{@code Id}, or is {@code uuid}, {@code user}, {@code
 * email}, {@code ip}, {@code session}, or whose value is an id or raw-path expression ({@code
 * x.id}, {@code x_id}, {@code uuid4()}, {@code request.url.path}, {@code request.path}, {@code
 * event["path"]}, {@code event["rawPath"]}).
 */
public final class MetricLabels implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-043",
              Set.of(Profile.API, Profile.LAMBDA, Profile.CLI),
              "Label metrics with bounded values only (route template, method, status class, error"
                  + " code); put user, request or entity ids in logs and traces, not in labels.")
          .defined(
              "PASS when no raw ids in metric labels. Labelled metrics: "
                  + "prometheus_client `.labels(...)`, OpenTelemetry `add`/`record` with an "
                  + "attributes dict, powertools `add_dimension`, aws-embedded-metrics "
                  + "`put_dimensions`/`set_dimensions`, statsd/datadog `tags=`, each only "
                  + "in a module importing its library. FAIL per label whose key is `id`, "
                  + "ends in `_id`/`Id`, or is `uuid`/`user`/`email`/`ip`/`session`, or "
                  + "whose value is an id or raw-path expression (`x.id`, `x_id`, "
                  + "`uuid4()`, `request.url.path`, `request.path`, `event[\"path\"]`, "
                  + "`event[\"rawPath\"]`); no labelled metric is NOT_APPLICABLE",
              Effort.MEDIUM);

  private static final Pattern ID_KEY = Pattern.compile("^(id|.*_id|.*[a-z0-9]Id|.*_ID|ID)$");
  private static final Set<String> RAW_KEYS = Set.of("uuid", "user", "email", "ip", "session");
  private static final Pattern ID_VALUE =
      Pattern.compile(
          "(\\.id|_id|\\buuid[14]?\\(\\)|uuid\\.uuid4\\(\\)|request\\.url\\.path|request\\.path"
              + "|\\[['\"](path|rawPath)['\"]\\])$");
  private static final String PROMETHEUS = "prometheus_client";
  private static final String OTEL = "opentelemetry";
  private static final Set<String> DIMENSION_LIBRARIES =
      Set.of("aws_lambda_powertools", "aws_embedded_metrics");
  private static final Set<String> TAG_LIBRARIES = Set.of("datadog", "statsd", "datadog_lambda");

  /**
   * Every root {@link #libraries} looks for: an import's first part is spelled in the import, so a
   * module spelling none of them imports none of these libraries.
   */
  private static final Set<String> ROOTS =
      Set.of(
          PROMETHEUS,
          OTEL,
          "aws_lambda_powertools",
          "aws_embedded_metrics",
          "datadog",
          "statsd",
          "datadog_lambda");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> findings = new ArrayList<>();
    int recorded = 0;
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (!module.mentionsAny(ROOTS)) {
        continue;
      }
      Set<String> libraries = libraries(module);
      if (libraries.isEmpty()) {
        continue;
      }
      for (Call call : module.calls()) {
        List<Label> labels = labels(call, libraries);
        if (labels == null) {
          continue;
        }
        recorded++;
        for (Label label : labels) {
          String problem = problem(label);
          if (problem != null) {
            findings.add(Evidence.at(module.path(), call.line(), problem));
          }
        }
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    if (recorded == 0) {
      return Outcome.notApplicable("no metric is recorded with labels in product code");
    }
    return Outcome.pass(
        Evidence.repository(recorded + " labelled metric call(s) use no raw id as a label"));
  }

  /** A label: its key (empty when positional) and its value. */
  private record Label(String key, PyValue value) {}

  private static Set<String> libraries(PythonModule module) {
    Set<String> found = new HashSet<>();
    for (String imported : module.imports().values()) {
      String root = imported.split("\\.", 2)[0];
      if (root.equals(PROMETHEUS) || root.equals(OTEL)) {
        found.add(root);
      } else if (DIMENSION_LIBRARIES.contains(root)) {
        found.add("dimensions");
      } else if (TAG_LIBRARIES.contains(root)) {
        found.add("tags");
      }
    }
    return found;
  }

  /** The labels a metric call sets; null when the call records no metric. */
  private static List<Label> labels(Call call, Set<String> libraries) {
    String name = call.name();
    if (libraries.contains(PROMETHEUS) && name.equals("labels") && !call.receiver().isEmpty()) {
      List<Label> labels = new ArrayList<>();
      call.keywords().forEach((k, v) -> labels.add(new Label(k, v)));
      call.positional().forEach(v -> labels.add(new Label("", v)));
      addDict(call.positional(), labels);
      return labels;
    }
    if (libraries.contains(OTEL) && (name.equals("add") || name.equals("record"))) {
      PyValue attributes =
          call.keyword("attributes")
              .orElse(call.positional().size() > 1 ? call.positional().get(1) : null);
      if (!(attributes instanceof PyValue.Dict dict)) {
        return null;
      }
      return dictLabels(dict);
    }
    if (libraries.contains("dimensions") && name.equals("add_dimension")) {
      PyValue key =
          call.keyword("name")
              .orElse(call.positional().isEmpty() ? null : call.positional().get(0));
      PyValue value =
          call.keyword("value")
              .orElse(call.positional().size() > 1 ? call.positional().get(1) : null);
      return key instanceof PyValue.Str s ? List.of(new Label(s.value(), value)) : List.of();
    }
    if (libraries.contains("dimensions")
        && (name.equals("put_dimensions") || name.equals("set_dimensions"))) {
      List<Label> labels = new ArrayList<>();
      addDict(call.positional(), labels);
      return labels;
    }
    if (libraries.contains("tags") && call.keyword("tags").isPresent()) {
      List<Label> labels = new ArrayList<>();
      if (call.keyword("tags").get() instanceof PyValue.Seq seq) {
        for (PyValue tag : seq.items()) {
          if (tag instanceof PyValue.Str s) {
            String[] parts = s.value().split(":", 2);
            labels.add(new Label(parts[0], parts.length > 1 ? new PyValue.Str(parts[1]) : null));
          } else if (tag instanceof PyValue.Expr e && e.text().matches("(?s)[fF][\"'][^{:]*:.*")) {
            labels.add(new Label(e.text().substring(2).split(":", 2)[0], e));
          }
        }
      }
      return labels;
    }
    return null;
  }

  private static void addDict(List<PyValue> values, List<Label> labels) {
    for (PyValue value : values) {
      if (value instanceof PyValue.Dict dict) {
        labels.addAll(dictLabels(dict));
      } else if (value instanceof PyValue.Seq seq) {
        addDict(seq.items(), labels);
      }
    }
  }

  private static List<Label> dictLabels(PyValue.Dict dict) {
    List<Label> labels = new ArrayList<>();
    for (PyValue.Entry entry : dict.entries()) {
      if (entry.key() instanceof PyValue.Str key) {
        labels.add(new Label(key.value(), entry.value()));
      }
    }
    return labels;
  }

  private static String problem(Label label) {
    String key = label.key();
    if (!key.isEmpty()
        && (ID_KEY.matcher(key).matches() || RAW_KEYS.contains(key.toLowerCase(Locale.ROOT)))) {
      return "metric label " + key + " holds a raw identifier: unbounded cardinality";
    }
    String value = valueText(label.value());
    if (!value.isEmpty()
        && !(label.value() instanceof PyValue.Str)
        && ID_VALUE.matcher(value).find()) {
      return "metric label "
          + (key.isEmpty() ? "" : key + " ")
          + "= "
          + value
          + ": a raw id or path as a label value";
    }
    return null;
  }

  private static String valueText(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    if (value instanceof PyValue.Expr expr) {
      return expr.text().trim();
    }
    return "";
  }
}
