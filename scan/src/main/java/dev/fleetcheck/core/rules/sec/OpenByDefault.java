package dev.fleetcheck.core.rules.sec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.DrfSettings;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.TemplateResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PY-SEC-005 (assisted), the home of the default-deny findings that PY-SEC-025 shares (one home per
 * finding): DRF's {@code DEFAULT_PERMISSION_CLASSES} holding {@code AllowAny} while no view
 * declares its own permissions, and a SAM API event with no authorizer on an API without {@code
 * DefaultAuthorizer} while product code verifies no credential. Per the RULES-NEXT "Auth" decision
 * per-route auth satisfies default deny and {@code Authorizer: NONE} marks a route public, so
 * neither is a finding.
 */
public final class OpenByDefault implements Rule {

  static final String ID = "PY-SEC-005";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.API, Profile.LAMBDA),
              "Deny by default: set DRF DEFAULT_PERMISSION_CLASSES to IsAuthenticated (AllowAny only"
                  + " on views meant to be public), give each API an Auth.DefaultAuthorizer and mark"
                  + " public routes with Authorizer: NONE.")
          .defined(
              "FAIL on an evident violation: deny by default, following the "
                  + "RULES-NEXT \"Auth\" decision (per-route auth satisfies it; a public "
                  + "route is marked in code or template): DRF `DEFAULT_PERMISSION_CLASSES` "
                  + "holding `AllowAny` (a `REST_FRAMEWORK` dict entry or a name) while no "
                  + "view sets `permission_classes` or `@permission_classes`; in the "
                  + "repository's SAM templates, an `Api`/`HttpApi` function event with no "
                  + "`Auth.Authorizer` (OPTIONS excepted) on an API without "
                  + "`Auth.DefaultAuthorizer` (the resource's, or `Globals` for the "
                  + "implicit API) while no product module imports a credential verifier "
                  + "(`jwt`, `jose`, `authlib`, `fastapi.security`, `flask_jwt_extended`, "
                  + "...). `Authorizer: NONE` marks a route public and is not a finding; "
                  + "Django settings for tests (`settings/test*.py`, `test_settings.py`) "
                  + "are not read. Narrowed: an unset DRF default, function URLs, "
                  + "`AWS::ApiGateway::Method` and Serverless Framework `http` events are "
                  + "not checked yet; a finding in a multi-line `REST_FRAMEWORK` dict is "
                  + "reported on the line of the assignment",
              Effort.MEDIUM);

  private static final String PERMISSIONS = "DEFAULT_PERMISSION_CLASSES";
  private static final String PER_VIEW = "permission_classes";
  private static final Set<String> API_EVENTS = Set.of("Api", "HttpApi");
  private static final Set<String> API_TYPES =
      Set.of("AWS::Serverless::Api", "AWS::Serverless::HttpApi");
  private static final List<String> VERIFIERS =
      List.of(
          "jwt",
          "jose",
          "authlib",
          "cognitojwt",
          "fastapi.security",
          "flask_jwt_extended",
          "okta_jwt_verifier",
          "google.oauth2.id_token");

  /** The outcome, judged once per scan for this rule and PY-SEC-025. */
  static final Fact<Outcome> OUTCOME = Fact.of("open-by-default-outcome", OpenByDefault::judge);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return context.facts().get(OUTCOME);
  }

  /** FAIL with the evident violations; MANUAL without one. */
  private static Outcome judge(Facts facts) {
    List<PythonModule> modules = PythonCodebase.of(facts).productModules();
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(facts);
    if (modules.isEmpty() && templates.isEmpty()) {
      return Outcome.notApplicable("no Python product code and no SAM template");
    }
    List<Evidence> findings = new ArrayList<>(drf(modules));
    if (!templates.isEmpty() && modules.stream().noneMatch(OpenByDefault::verifiesCredentials)) {
      templates.forEach(t -> sam(t, findings));
    }
    return Outcome.assisted(findings);
  }

  private static List<Evidence> drf(List<PythonModule> modules) {
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      if (settingsForTests(module.path())) {
        continue;
      }
      if (permissionsPerView(module)) {
        // Views that choose their permissions clear every default: nothing else can count.
        return List.of();
      }
      for (LiteralPair pair : permissionLists(module)) {
        if (allowsAny(pair.value())) {
          findings.add(
              Evidence.at(
                  module.path(),
                  pair.line(),
                  "DRF DEFAULT_PERMISSION_CLASSES is AllowAny: every view is open unless it says"
                      + " otherwise"));
        }
      }
    }
    return findings;
  }

  private static boolean permissionsPerView(PythonModule module) {
    // An assignment's target and a decorator's name both spell the name.
    return module.mentions(PER_VIEW)
        && (module.assignments().stream().anyMatch(a -> Names.lastPartIs(a.target(), PER_VIEW))
            || module.decorators().stream().anyMatch(d -> d.name().endsWith(PER_VIEW)));
  }

  private static List<LiteralPair> permissionLists(PythonModule module) {
    return DrfSettings.values(module, PERMISSIONS, Set.of(PERMISSIONS));
  }

  private static boolean allowsAny(PyValue value) {
    return value instanceof PyValue.Seq seq
        && seq.items().stream().map(ModuleValues::text).anyMatch(t -> t.endsWith("AllowAny"));
  }

  /** Django settings for the test run ({@code settings/test.py}, {@code test_settings.py}). */
  private static boolean settingsForTests(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    // Every name the pattern accepts starts with "test": the others are not matched against it.
    return name.startsWith("test")
            && name.matches("(test|tests|testing)(_settings)?\\.py|test_settings\\.py")
        || path.contains("/settings/test");
  }

  /** The first part of each of {@link #VERIFIERS}: an import of one spells it. */
  private static final List<String> VERIFIER_ROOTS =
      VERIFIERS.stream().map(v -> v.substring(0, (v + ".").indexOf('.'))).distinct().toList();

  private static boolean verifiesCredentials(PythonModule module) {
    return module.mentionsAny(VERIFIER_ROOTS)
        && module.imports().values().stream()
            .anyMatch(
                dotted ->
                    VERIFIERS.stream()
                        .anyMatch(
                            v ->
                                dotted.startsWith(v)
                                    && (dotted.length() == v.length()
                                        || dotted.charAt(v.length()) == '.')));
  }

  private static void sam(LambdaTemplates.Template template, List<Evidence> findings) {
    JsonNode globals = template.root().path("Globals");
    Map<String, Boolean> defaults = new HashMap<>();
    List<TemplateResources.Resource> resources = TemplateResources.of(template);
    for (TemplateResources.Resource resource : resources) {
      if (API_TYPES.contains(resource.type())) {
        String kind = resource.type().endsWith("HttpApi") ? "HttpApi" : "Api";
        defaults.put(
            resource.id(), hasDefault(resource.properties()) || hasDefault(globals.path(kind)));
      }
    }
    for (TemplateResources.Resource resource : resources) {
      if (!resource.type().equals("AWS::Serverless::Function")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> event : resource.properties().path("Events").properties()) {
        String type = event.getValue().path("Type").asText("");
        JsonNode properties = event.getValue().path("Properties");
        if (!API_EVENTS.contains(type)
            || properties.path("Method").asText("").equalsIgnoreCase("OPTIONS")
            || !properties.path("Auth").path("Authorizer").isMissingNode()) {
          continue;
        }
        JsonNode apiRef = properties.path(type.equals("Api") ? "RestApiId" : "ApiId");
        boolean covered =
            apiRef.isMissingNode()
                ? hasDefault(globals.path(type))
                : defaults.getOrDefault(refOf(apiRef), true);
        if (!covered) {
          findings.add(
              Evidence.at(
                  template.path(),
                  template.lineAfter(resource.line(), event.getKey() + ":"),
                  "function "
                      + resource.id()
                      + " event "
                      + event.getKey()
                      + " ("
                      + type
                      + " "
                      + properties.path("Method").asText("ANY")
                      + " "
                      + properties.path("Path").asText("")
                      + ") has no authorizer and its API no DefaultAuthorizer"));
        }
      }
    }
  }

  private static boolean hasDefault(JsonNode api) {
    JsonNode value = api.path("Auth").path("DefaultAuthorizer");
    return !value.isMissingNode() && !value.asText("").equals("NONE");
  }

  /** {@code !Ref Api} reads as the text {@code Api}, {@code {"Ref": "Api"}} as an object. */
  private static String refOf(JsonNode value) {
    return value.isTextual() ? value.asText() : value.path("Ref").asText("");
  }
}
