package dev.fleetcheck.core.rules.perf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PY-PERF-007: every Lambda function a template defines has an explicit memory size and timeout, on
 * the function or inherited (SAM {@code Globals.Function}, Serverless {@code provider}). Reserved
 * concurrency is not asked for (RULES-NEXT decision).
 */
public final class LambdaLimits implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-PERF-007",
              Profile.LAMBDA,
              "Set MemorySize and Timeout on every function (or once in Globals.Function; Serverless:"
                  + " memorySize and timeout under provider) instead of relying on the defaults.")
          .defined(
              "PASS when every template function has an explicit `MemorySize` and "
                  + "`Timeout` (on the function, `Globals.Function`, or Serverless "
                  + "`provider`); reserved concurrency is not asked for",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> findings = new ArrayList<>();
    int functions = 0;
    for (LambdaTemplates.Template template : LambdaTemplates.read(context.facts())) {
      if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
        functions += serverless(template, findings);
      } else {
        functions += sam(template, findings);
      }
    }
    if (functions == 0) {
      return Outcome.notApplicable("no template defines a Lambda function");
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            "memory size and timeout are explicit for all " + functions + " Lambda function(s)"));
  }

  private static int sam(LambdaTemplates.Template template, List<Evidence> findings) {
    JsonNode globals = template.root().path("Globals").path("Function");
    int functions = 0;
    for (Map.Entry<String, JsonNode> resource : template.root().path("Resources").properties()) {
      String type = resource.getValue().path("Type").asText("");
      boolean sam = type.equals("AWS::Serverless::Function");
      if (!sam && !type.equals("AWS::Lambda::Function")) {
        continue;
      }
      functions++;
      JsonNode properties = resource.getValue().path("Properties");
      List<String> missing = new ArrayList<>();
      for (String key : List.of("MemorySize", "Timeout")) {
        if (!set(properties.path(key)) && !(sam && set(globals.path(key)))) {
          missing.add(key);
        }
      }
      report(template, "Resources", resource.getKey(), missing, findings);
    }
    return functions;
  }

  private static int serverless(LambdaTemplates.Template template, List<Evidence> findings) {
    JsonNode provider = template.root().path("provider");
    int functions = 0;
    for (Map.Entry<String, JsonNode> function : template.root().path("functions").properties()) {
      functions++;
      List<String> missing = new ArrayList<>();
      for (String key : List.of("memorySize", "timeout")) {
        if (!set(function.getValue().path(key)) && !set(provider.path(key))) {
          missing.add(key);
        }
      }
      report(template, "functions", function.getKey(), missing, findings);
    }
    return functions;
  }

  private static void report(
      LambdaTemplates.Template template,
      String section,
      String function,
      List<String> missing,
      List<Evidence> findings) {
    if (missing.isEmpty()) {
      return;
    }
    findings.add(
        Evidence.at(
            template.path(),
            template.lineOf(section, function),
            "Lambda function "
                + function
                + " has no "
                + String.join(" and no ", missing)
                + ": the platform default applies"));
  }

  private static boolean set(JsonNode value) {
    return !value.isMissingNode() && !value.isNull() && !value.asText("x").isBlank();
  }
}
