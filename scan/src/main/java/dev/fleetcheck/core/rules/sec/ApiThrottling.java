package dev.fleetcheck.core.rules.sec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.pysource.PythonSources;
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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-SEC-048: a public API that the repository's own SAM template defines is throttled. Public
 * APIs: {@code AWS::Serverless::Api}/{@code HttpApi}, the implicit API of {@code Api}/{@code
 * HttpApi} function events, {@code AWS::ApiGateway::RestApi}, {@code AWS::ApiGatewayV2::Api},
 * function URLs with {@code AuthType: NONE}; a {@code PRIVATE} endpoint is not public. Throttling:
 * method or route settings with a throttling limit (on the API, in {@code Globals} or on a stage),
 * a usage plan with {@code Throttle}, a WAF rate-based rule, or a rate limiter in the code.
 */
public final class ApiThrottling implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-048",
              Profile.LAMBDA,
              "Throttle every public API: MethodSettings with ThrottlingRateLimit/ThrottlingBurstLimit"
                  + " (HttpApi: DefaultRouteSettings), a usage plan with Throttle, or a WAF rate-based"
                  + " rule; behind a function URL, a rate limiter in code.")
          .defined(
              "PASS when a public API of the repository's own SAM template "
                  + "(`AWS::Serverless::Api`/`HttpApi`, the implicit API of `Api`/`HttpApi` "
                  + "events, `AWS::ApiGateway::RestApi`, `AWS::ApiGatewayV2::Api`, a "
                  + "function URL with `AuthType: NONE`; `PRIVATE` endpoints excluded) is "
                  + "throttled: `MethodSettings` throttling (API, `Globals` or a stage), "
                  + "HttpApi `DefaultRouteSettings`/`RouteSettings`, a usage plan with "
                  + "`Throttle`, a WAF rate-based rule with an association, or a limiter in "
                  + "code (slowapi, fastapi-limiter, flask-limiter, django-ratelimit, DRF "
                  + "throttle rates); no public API is NOT_APPLICABLE",
              Effort.LOW);

  /** Rate limiters in code, by the module they are imported as. */
  private static final List<String> LIMITERS =
      List.of("slowapi", "fastapi_limiter", "flask_limiter", "django_ratelimit");

  private static final Pattern DRF_THROTTLE = Pattern.compile("\\bDEFAULT_THROTTLE_RATES\\b");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> unthrottled = new ArrayList<>();
    List<Evidence> throttled = new ArrayList<>();
    for (LambdaTemplates.Template template : LambdaTemplates.read(context.facts())) {
      if (template.kind() == ServerlessTemplate.Kind.SAM) {
        new TemplateApis(template, unthrottled, throttled).scan();
      }
    }
    if (unthrottled.isEmpty() && throttled.isEmpty()) {
      return Outcome.notApplicable("no template of the repository defines a public API");
    }
    if (unthrottled.isEmpty()) {
      return Outcome.pass(throttled);
    }
    Optional<Evidence> limiter = limiterInCode(context);
    if (limiter.isPresent()) {
      return Outcome.pass(limiter.get());
    }
    return Outcome.fail(unthrottled);
  }

  private static Optional<Evidence> limiterInCode(RuleContext context) {
    PythonSources sources = context.fact(PythonSources.FACT);
    for (String module : LIMITERS) {
      Optional<Evidence> found = sources.imports(module);
      if (found.isPresent()) {
        return Optional.of(
            new Evidence(
                found.get().path(), found.get().line(), "rate limiter in code: " + module));
      }
    }
    return sources.find(
        "DEFAULT_THROTTLE_RATES", DRF_THROTTLE, "rate limiter in code: DRF throttle rates");
  }

  /** The public APIs of one template, each judged throttled or not. */
  private record TemplateApis(
      LambdaTemplates.Template template, List<Evidence> unthrottled, List<Evidence> throttled) {

    void scan() {
      JsonNode root = template.root();
      JsonNode globals = root.path("Globals");
      boolean templateWide = usagePlanThrottle(root) || wafRateRule(root);
      boolean restGlobal = methodThrottle(globals.path("Api").path("MethodSettings"));
      boolean httpGlobal = routeThrottle(globals.path("HttpApi"));
      boolean implicitRest = false;
      boolean implicitHttp = false;
      String implicitRestOwner = "";
      String implicitHttpOwner = "";
      for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
        String name = resource.getKey();
        JsonNode properties = resource.getValue().path("Properties");
        switch (resource.getValue().path("Type").asText("")) {
          case "AWS::Serverless::Api" -> {
            if (!isPrivate(properties)) {
              judge(
                  name,
                  "REST API",
                  templateWide
                      || restGlobal
                      || methodThrottle(properties.path("MethodSettings"))
                      || !properties.path("Auth").path("UsagePlan").path("Throttle").isMissingNode()
                      || stageThrottle(root, name));
            }
          }
          case "AWS::Serverless::HttpApi" ->
              judge(
                  name,
                  "HTTP API",
                  templateWide
                      || httpGlobal
                      || routeThrottle(properties)
                      || stageThrottle(root, name));
          case "AWS::ApiGateway::RestApi" -> {
            if (!isPrivate(properties)) {
              judge(name, "REST API", templateWide || stageThrottle(root, name));
            }
          }
          case "AWS::ApiGatewayV2::Api" ->
              judge(name, "HTTP API", templateWide || stageThrottle(root, name));
          case "AWS::Serverless::Function" -> {
            for (Map.Entry<String, JsonNode> event : properties.path("Events").properties()) {
              String type = event.getValue().path("Type").asText("");
              JsonNode eventProperties = event.getValue().path("Properties");
              if (type.equals("Api") && eventProperties.path("RestApiId").isMissingNode()) {
                implicitRest = true;
                implicitRestOwner = implicitRestOwner.isEmpty() ? name : implicitRestOwner;
              } else if (type.equals("HttpApi") && eventProperties.path("ApiId").isMissingNode()) {
                implicitHttp = true;
                implicitHttpOwner = implicitHttpOwner.isEmpty() ? name : implicitHttpOwner;
              }
            }
            if (properties.path("FunctionUrlConfig").path("AuthType").asText("").equals("NONE")) {
              judge(name, "function URL without auth", false);
            }
          }
          case "AWS::Lambda::Url" -> {
            if (properties.path("AuthType").asText("").equals("NONE")) {
              judge(name, "function URL without auth", false);
            }
          }
          default -> {}
        }
      }
      if (implicitRest) {
        judge(implicitRestOwner, "implicit REST API of its Api events", templateWide || restGlobal);
      }
      if (implicitHttp) {
        judge(
            implicitHttpOwner,
            "implicit HTTP API of its HttpApi events",
            templateWide || httpGlobal);
      }
    }

    private void judge(String name, String what, boolean isThrottled) {
      int line = template.lineOf("Resources", name);
      if (isThrottled) {
        throttled.add(Evidence.at(template.path(), line, name + ": " + what + " is throttled"));
      } else {
        unthrottled.add(
            Evidence.at(
                template.path(),
                line,
                name + ": " + what + " is public and has no throttling configured"));
      }
    }

    private static boolean isPrivate(JsonNode properties) {
      JsonNode endpoint = properties.path("EndpointConfiguration");
      if (endpoint.isTextual()) {
        return endpoint.textValue().equals("PRIVATE");
      }
      JsonNode type = endpoint.path("Type");
      if (type.isTextual()) {
        return type.textValue().equals("PRIVATE");
      }
      for (JsonNode t : endpoint.path("Types")) {
        if (t.asText("").equals("PRIVATE")) {
          return true;
        }
      }
      return false;
    }

    private static boolean methodThrottle(JsonNode settings) {
      if (settings.isArray()) {
        for (JsonNode setting : settings) {
          if (hasLimit(setting)) {
            return true;
          }
        }
      }
      return false;
    }

    /** HttpApi/ApiGatewayV2 stage: {@code DefaultRouteSettings} or any {@code RouteSettings}. */
    private static boolean routeThrottle(JsonNode properties) {
      if (hasLimit(properties.path("DefaultRouteSettings"))) {
        return true;
      }
      for (JsonNode route : properties.path("RouteSettings")) {
        if (hasLimit(route)) {
          return true;
        }
      }
      return false;
    }

    private static boolean hasLimit(JsonNode setting) {
      return !setting.path("ThrottlingRateLimit").isMissingNode()
          || !setting.path("ThrottlingBurstLimit").isMissingNode();
    }

    /** A stage resource of the API (by {@code RestApiId}/{@code ApiId}) with throttled settings. */
    private static boolean stageThrottle(JsonNode root, String api) {
      for (JsonNode resource : root.path("Resources")) {
        String type = resource.path("Type").asText("");
        JsonNode properties = resource.path("Properties");
        if (type.equals("AWS::ApiGateway::Stage")
            && refersTo(properties.path("RestApiId"), api)
            && methodThrottle(properties.path("MethodSettings"))) {
          return true;
        }
        if (type.equals("AWS::ApiGatewayV2::Stage")
            && refersTo(properties.path("ApiId"), api)
            && routeThrottle(properties)) {
          return true;
        }
      }
      return false;
    }

    /** {@code !Ref Api} reads as the text {@code Api}; {@code {"Ref": "Api"}} as an object. */
    private static boolean refersTo(JsonNode value, String name) {
      return value.asText("").equals(name) || value.path("Ref").asText("").equals(name);
    }

    private static boolean usagePlanThrottle(JsonNode root) {
      for (JsonNode resource : root.path("Resources")) {
        if (resource.path("Type").asText("").equals("AWS::ApiGateway::UsagePlan")
            && !resource.path("Properties").path("Throttle").isMissingNode()) {
          return true;
        }
      }
      return false;
    }

    /** A WAFv2 web ACL with a rate-based rule that the template associates with a resource. */
    private static boolean wafRateRule(JsonNode root) {
      boolean rateRule = false;
      boolean associated = false;
      for (JsonNode resource : root.path("Resources")) {
        String type = resource.path("Type").asText("");
        if (type.equals("AWS::WAFv2::WebACL")
            && resource.path("Properties").toString().contains("\"RateBasedStatement\"")) {
          rateRule = true;
        }
        if (type.equals("AWS::WAFv2::WebACLAssociation")) {
          associated = true;
        }
      }
      return rateRule && associated;
    }
  }
}
