package dev.fleetcheck.core.rules.sec;

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
import dev.fleetcheck.core.rules.detect.TemplateResources;
import dev.fleetcheck.core.secrets.Placeholders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-042 (assisted): a secret-like environment variable given its value at deploy time in a
 * template (function or {@code Globals} {@code Environment.Variables}, Serverless {@code
 * environment}, an ECS task's container {@code Environment}): a literal, a plain parameter
 * reference, or a {@code {{resolve:secretsmanager|ssm-secure:...}}} reference, all of which end up
 * as plaintext configuration. Dockerfile {@code ENV} stays with PY-LCL-021 (one home per finding).
 */
public final class PlaintextSecretEnvironment implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-042",
              Set.of(Profile.API, Profile.LAMBDA),
              "Keep secrets out of environment values: pass the secret's ARN or name (e.g."
                  + " DB_SECRET_ARN) and read it at run time from Secrets Manager or SSM (powertools"
                  + " parameters caches it).")
          .defined(
              "FAIL on an evident violation: a secret-like variable (`*PASSWORD*`, "
                  + "`*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`; names ending "
                  + "`_ARN`, `_NAME`, `_ID`, `_PATH`, `_PARAM(ETER)`, `_URL`, `_TTL` are "
                  + "references) given a deploy-time value in a template: function or "
                  + "`Globals` `Environment.Variables`, Serverless `environment`, an ECS "
                  + "task container's `Environment`; the value is a literal, a `!Ref` to a "
                  + "template parameter, or a `{{resolve:secretsmanager|ssm-secure:...}}` "
                  + "reference. References to resources (`!Ref Secret`), `${...}` "
                  + "substitutions, switches (`\"true\"`, numbers) and placeholders do not "
                  + "fire. Narrowed: Dockerfile `ENV` stays with PY-LCL-021 (one home per "
                  + "finding)",
              Effort.MEDIUM);

  private static final Pattern SECRET_NAME =
      Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY");
  private static final Pattern REFERENCE_NAME =
      Pattern.compile("_(ARN|NAME|ID|PATH|PARAM|PARAMETER|URL|URI|TTL|SECONDS)$");

  /** Switches and sizes, never a secret: {@code USE_SECRETS: "true"}, {@code TOKEN_LIMIT: "5"}. */
  private static final Pattern FLAG =
      Pattern.compile("(?i)true|false|yes|no|on|off|enabled|disabled|\\d+");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(context.facts());
    if (templates.isEmpty()) {
      return Outcome.notApplicable("no SAM or Serverless template");
    }
    List<Evidence> findings = new ArrayList<>();
    for (LambdaTemplates.Template template : templates) {
      Set<String> resources = new HashSet<>();
      List<TemplateResources.Resource> list = TemplateResources.of(template);
      list.forEach(r -> resources.add(r.id()));
      Set<String> parameters = new HashSet<>();
      template.root().path("Parameters").fieldNames().forEachRemaining(parameters::add);
      Scope scope = new Scope(template, parameters, resources, findings);
      if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
        scope.variables(
            "provider",
            template.lineOf("provider", "environment"),
            template.root().path("provider").path("environment"));
        for (Map.Entry<String, JsonNode> function :
            template.root().path("functions").properties()) {
          scope.variables(
              "function " + function.getKey(),
              template.lineOf("functions", function.getKey()),
              function.getValue().path("environment"));
        }
      } else {
        scope.variables(
            "Globals",
            template.lineOf("Globals", "Function"),
            template.root().path("Globals").path("Function").path("Environment").path("Variables"));
      }
      for (TemplateResources.Resource resource : list) {
        JsonNode properties = resource.properties();
        switch (resource.type()) {
          case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
              scope.variables(
                  "function " + resource.id(),
                  resource.line(),
                  properties.path("Environment").path("Variables"));
          case "AWS::ECS::TaskDefinition" -> {
            for (JsonNode container : properties.path("ContainerDefinitions")) {
              for (JsonNode pair : container.path("Environment")) {
                scope.variable(
                    "task " + resource.id(),
                    resource.line(),
                    pair.path("Name").asText(""),
                    pair.path("Value"));
              }
            }
          }
          default -> {}
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private record Scope(
      LambdaTemplates.Template template,
      Set<String> parameters,
      Set<String> resources,
      List<Evidence> findings) {

    void variables(String owner, int line, JsonNode variables) {
      for (Map.Entry<String, JsonNode> entry : variables.properties()) {
        variable(owner, line, entry.getKey(), entry.getValue());
      }
    }

    void variable(String owner, int line, String name, JsonNode value) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (!SECRET_NAME.matcher(upper).find() || REFERENCE_NAME.matcher(upper).find()) {
        return;
      }
      String how = how(value);
      if (how != null) {
        findings.add(
            Evidence.at(
                template.path(),
                template.lineAfter(line, name),
                owner + ": secret-like variable " + name + " is " + how));
      }
    }

    /** How the value reaches the configuration in plaintext; null when it does not evidently. */
    private String how(JsonNode value) {
      if (value.isObject()) {
        String ref = value.path("Ref").asText("");
        return parameters.contains(ref) ? "a plain parameter reference (!Ref " + ref + ")" : null;
      }
      if (!value.isTextual()) {
        return null;
      }
      String text = value.asText("");
      if (text.contains("{{resolve:secretsmanager") || text.contains("{{resolve:ssm-secure")) {
        return "resolved into plaintext configuration ({{resolve:...}})";
      }
      if (parameters.contains(text)) {
        return "a plain parameter reference (!Ref " + text + ")";
      }
      if (text.isBlank()
          || resources.contains(text)
          || resources.contains(text.split("\\.", 2)[0])
          || text.contains("${")
          || FLAG.matcher(text).matches()
          || Placeholders.isPlaceholder(text)) {
        return null;
      }
      return "a literal value";
    }
  }
}
