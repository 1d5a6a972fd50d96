package dev.fleetcheck.core.rules.obs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PY-OBS-062: the Lambda functions of the repository's templates log JSON: the code logs structured
 * (PY-OBS-012's detector: powertools Logger, structlog, python-json-logger, a JSON formatter), or
 * the template sets {@code LoggingConfig: {LogFormat: JSON}} on the function or in {@code
 * Globals.Function} (Serverless: {@code provider.logs.lambda.logFormat}). Narrowed (docs/rules.md):
 * judged per repository for the code signal, and {@code print} in handlers is not yet checked
 * against the template setting.
 */
public final class JsonLambdaLogs implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-062",
              Profile.LAMBDA,
              "Log JSON from every function: set LoggingConfig: {LogFormat: JSON} in Globals.Function"
                  + " (or per function), or log with the powertools Logger.")
          .defined(
              "PASS when every template function logs JSON: `LoggingConfig: "
                  + "{LogFormat: JSON}` on the function or in `Globals.Function` "
                  + "(Serverless: `provider.logs.lambda.logFormat`), or the code logs "
                  + "structured as PY-OBS-012 finds it. Narrowed: the code signal is judged "
                  + "per repository (no handler resolution yet), `print` in handlers is not "
                  + "checked, and functions only in code (no template) are NOT_APPLICABLE",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> plain = new ArrayList<>();
    int functions = 0;
    for (LambdaTemplates.Template template : LambdaTemplates.read(context.facts())) {
      functions += functions(template, plain);
    }
    if (functions == 0) {
      return Outcome.notApplicable("no template defines a Lambda function");
    }
    if (plain.isEmpty()) {
      return Outcome.pass(
          Evidence.repository("all " + functions + " Lambda function(s) log JSON (LogFormat)"));
    }
    Outcome code = new StructuredLogging().check(context);
    if (code.status() == Status.PASS) {
      return Outcome.pass(code.evidence());
    }
    return Outcome.fail(plain);
  }

  private static int functions(LambdaTemplates.Template template, List<Evidence> plain) {
    JsonNode root = template.root();
    int count = 0;
    if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
      boolean json = isJson(root.path("provider").path("logs").path("lambda").path("logFormat"));
      for (Map.Entry<String, JsonNode> function : root.path("functions").properties()) {
        count++;
        if (!json) {
          plain.add(finding(template, "functions", function.getKey()));
        }
      }
      return count;
    }
    boolean globalJson =
        isJson(root.path("Globals").path("Function").path("LoggingConfig").path("LogFormat"));
    for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
      String type = resource.getValue().path("Type").asText("");
      boolean sam = type.equals("AWS::Serverless::Function");
      if (!sam && !type.equals("AWS::Lambda::Function")) {
        continue;
      }
      count++;
      JsonNode format =
          resource.getValue().path("Properties").path("LoggingConfig").path("LogFormat");
      if (!isJson(format) && !(sam && globalJson && format.isMissingNode())) {
        plain.add(finding(template, "Resources", resource.getKey()));
      }
    }
    return count;
  }

  private static Evidence finding(
      LambdaTemplates.Template template, String section, String function) {
    return Evidence.at(
        template.path(),
        template.lineOf(section, function),
        "Lambda function "
            + function
            + " logs plain text: no JSON LogFormat and no structured logger in the code");
  }

  private static boolean isJson(JsonNode value) {
    return value.asText("").equalsIgnoreCase("JSON");
  }
}
