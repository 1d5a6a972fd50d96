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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-008 (assisted): identity policies in the repository's templates that grant every action,
 * every action of a service, or writes on every resource; broad AWS managed policies; SAM policy
 * templates given {@code "*"}. Resource policies (with a {@code Principal}) and Deny statements
 * never count.
 */
public final class BroadIamPolicies implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-008",
              Set.of(Profile.LAMBDA),
              "Grant each function only the actions and resources it uses: name the actions"
                  + " (dynamodb:GetItem, not dynamodb:*), scope Resource to ARNs, and prefer SAM policy"
                  + " templates with a named resource over *FullAccess managed policies.")
          .defined(
              "FAIL on an evident violation: in the repository's SAM/Serverless "
                  + "templates: an `Effect: Allow` identity statement (SAM function "
                  + "`Policies`, `AWS::IAM::Role`/`Policy`/`ManagedPolicy`, Serverless "
                  + "`iam.role.statements`/`iamRoleStatements`) whose `Action` is `*` or "
                  + "`<service>:*`, or whose `Resource` is `*` with a "
                  + "`Put*`/`Delete*`/`Update*`/`Create*` action other than those that "
                  + "accept only `*` (`xray:Put*`, `logs:CreateLogGroup`, "
                  + "`cloudwatch:PutMetricData`, `ec2:*NetworkInterface*`, "
                  + "`ec2:Describe*`); an attached `AdministratorAccess`, "
                  + "`PowerUserAccess`, `IAMFullAccess` or `*FullAccess`; a SAM policy "
                  + "template given `\"*\"`. Statements with a `Principal` (resource "
                  + "policies) and `Deny` never count. Narrowed: plain CloudFormation "
                  + "templates without the SAM transform are not read",
              Effort.MEDIUM);

  private static final Pattern SERVICE_WILDCARD = Pattern.compile("^[a-z0-9-]+:\\*$");
  private static final Pattern WRITE = Pattern.compile("^[a-z0-9-]+:(Put|Delete|Update|Create)");

  /** Actions that accept only Resource "*" (RULES-NEXT.md, PY-SEC-008). */
  private static final Pattern STAR_ONLY =
      Pattern.compile(
          "^(xray:Put.*|logs:CreateLogGroup|cloudwatch:PutMetricData|ec2:.*NetworkInterface.*"
              + "|ec2:Describe.*)$");

  private static final Set<String> BROAD_MANAGED =
      Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

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
      for (TemplateResources.Resource resource : TemplateResources.of(template)) {
        resource(template, resource, findings);
      }
      if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
        JsonNode provider = template.root().path("provider");
        int line = template.lineOf("provider", "iam");
        statements(template, line, provider.path("iam").path("role").path("statements"), findings);
        statements(template, line, provider.path("iamRoleStatements"), findings);
        for (Map.Entry<String, JsonNode> function :
            template.root().path("functions").properties()) {
          statements(
              template,
              template.lineOf("functions", function.getKey()),
              function.getValue().path("iamRoleStatements"),
              findings);
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static void resource(
      LambdaTemplates.Template template,
      TemplateResources.Resource resource,
      List<Evidence> findings) {
    JsonNode properties = resource.properties();
    switch (resource.type()) {
      case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> {
        JsonNode policies = properties.path("Policies");
        List<JsonNode> items = new ArrayList<>();
        if (policies.isArray()) {
          policies.forEach(items::add);
        } else if (!policies.isMissingNode()) {
          items.add(policies);
        }
        for (JsonNode policy : items) {
          samPolicy(template, resource, policy, findings);
        }
      }
      case "AWS::IAM::Role" -> {
        managed(template, resource, properties.path("ManagedPolicyArns"), findings);
        for (JsonNode policy : properties.path("Policies")) {
          statements(
              template, resource.line(), policy.path("PolicyDocument").path("Statement"), findings);
        }
      }
      case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
          statements(
              template,
              resource.line(),
              properties.path("PolicyDocument").path("Statement"),
              findings);
      case "AWS::IAM::User", "AWS::IAM::Group" ->
          managed(template, resource, properties.path("ManagedPolicyArns"), findings);
      default -> {}
    }
  }

  private static void samPolicy(
      LambdaTemplates.Template template,
      TemplateResources.Resource resource,
      JsonNode policy,
      List<Evidence> findings) {
    if (policy.isTextual()) {
      managedName(template, resource, policy.asText(), findings);
    } else if (policy.has("Statement")) {
      statements(template, resource.line(), policy.path("Statement"), findings);
    } else if (policy.isObject() && policy.size() == 1) {
      Map.Entry<String, JsonNode> only = policy.properties().iterator().next();
      if (only.getKey().endsWith("Policy") && hasStar(only.getValue())) {
        int line = template.lineAfter(resource.line(), only.getKey());
        findings.add(
            Evidence.at(
                template.path(),
                line,
                "function "
                    + resource.id()
                    + ": SAM policy template "
                    + only.getKey()
                    + " is given \"*\" as its resource"));
      }
    }
  }

  private static boolean hasStar(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().equals("*");
    }
    for (JsonNode child : value) {
      if (child.isTextual() && child.asText().equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static void managed(
      LambdaTemplates.Template template,
      TemplateResources.Resource resource,
      JsonNode arns,
      List<Evidence> findings) {
    for (String arn : TemplateResources.texts(arns)) {
      managedName(template, resource, arn, findings);
    }
  }

  private static void managedName(
      LambdaTemplates.Template template,
      TemplateResources.Resource resource,
      String policy,
      List<Evidence> findings) {
    String name = policy.substring(policy.lastIndexOf('/') + 1);
    if (BROAD_MANAGED.contains(name) || name.endsWith("FullAccess")) {
      findings.add(
          Evidence.at(
              template.path(),
              template.lineAfter(resource.line(), name),
              resource.id() + " attaches the broad managed policy " + name));
    }
  }

  private static void statements(
      LambdaTemplates.Template template, int line, JsonNode statements, List<Evidence> findings) {
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else if (statements.isObject()) {
      list.add(statements);
    }
    for (JsonNode statement : list) {
      if (!statement.path("Effect").asText("").equals("Allow") || statement.has("Principal")) {
        continue;
      }
      List<String> actions = TemplateResources.texts(statement.path("Action"));
      boolean everyResource = TemplateResources.texts(statement.path("Resource")).contains("*");
      for (String action : actions) {
        String problem = null;
        if (action.equals("*")) {
          problem = "allows every action (Action: \"*\")";
        } else if (SERVICE_WILDCARD.matcher(action).matches()) {
          problem = "allows every action of a service (" + action + ")";
        } else if (everyResource
            && WRITE.matcher(action).find()
            && !STAR_ONLY.matcher(action).matches()) {
          problem = "allows " + action + " on every resource (Resource: \"*\")";
        }
        if (problem != null) {
          findings.add(
              Evidence.at(
                  template.path(),
                  template.lineAfter(line, action.equals("*") ? "Action" : action),
                  "IAM statement " + problem));
        }
      }
    }
  }
}
