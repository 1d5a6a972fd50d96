package dev.fleetcheck.core.rules.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT "Lambda handler"): the functions Lambda invokes. A template's {@code
 * Handler:} ({@code handler:} for the Serverless Framework) resolved against its {@code CodeUri}
 * (or {@code Globals.Function}) and the template's folder, when it names a product module that
 * defines the function; else, by convention, {@code lambda_handler(event, context)} or {@code
 * handler(event, context)} at the top level of product code. A function that an API authorizer
 * points at ({@code Authorizers} of a SAM API, {@code AWS::ApiGateway::Authorizer}, a Serverless
 * {@code authorizer:}) is marked as an authorizer.
 */
public final class LambdaHandlers {

  /**
   * One handler: the module's path, the function's name and line, where it was named ("path:line"
   * of the template, or "convention"), and whether it authorizes API requests.
   */
  public record Handler(
      String path, String function, int line, String declaredAt, boolean authorizer) {}

  public static final Fact<List<Handler>> FACT = Fact.of("lambda-handlers", LambdaHandlers::find);

  private static final Set<String> CONVENTION = Set.of("lambda_handler", "handler");
  private static final Pattern EVENT_CONTEXT =
      Pattern.compile("\\(\\s*(event|_event|evt)\\b[^,]*,\\s*(context|_context|ctx)\\b");

  private LambdaHandlers() {}

  private static List<Handler> find(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    Map<String, PythonModule> product = new LinkedHashMap<>();
    for (PythonModule module : codebase.productModules()) {
      product.put(module.path(), module);
    }
    List<Handler> handlers = new ArrayList<>();
    for (LambdaTemplates.Template template : LambdaTemplates.read(facts)) {
      if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
        serverless(template, product, handlers);
      } else {
        sam(template, product, handlers);
      }
    }
    if (!handlers.isEmpty()) {
      return List.copyOf(handlers);
    }
    for (PythonModule module : product.values()) {
      for (FunctionDef function : module.functions()) {
        if (CONVENTION.contains(function.name())
            && !function.method()
            && takesEventAndContext(codebase, module, function)) {
          handlers.add(
              new Handler(module.path(), function.name(), function.line(), "convention", false));
        }
      }
    }
    return List.copyOf(handlers);
  }

  private static boolean takesEventAndContext(
      PythonCodebase codebase, PythonModule module, FunctionDef function) {
    return codebase
        .text(module.path())
        .map(text -> headerAt(text, function.line()))
        .filter(header -> EVENT_CONTEXT.matcher(header).find())
        .isPresent();
  }

  /** The text from the start of line {@code line} to the first colon closing a def header. */
  private static String headerAt(String text, int line) {
    int start = 0;
    for (int l = 1; l < line && start >= 0; l++) {
      start = text.indexOf('\n', start) + 1;
      if (start == 0) {
        return "";
      }
    }
    int end = text.indexOf("):", start);
    return end < 0 ? "" : text.substring(start, Math.min(text.length(), end + 1));
  }

  private static void sam(
      LambdaTemplates.Template template,
      Map<String, PythonModule> product,
      List<Handler> handlers) {
    JsonNode root = template.root();
    JsonNode globals = root.path("Globals").path("Function");
    Set<String> authorizers = authorizerReferences(root);
    for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
      String type = resource.getValue().path("Type").asText("");
      if (!type.equals("AWS::Serverless::Function") && !type.equals("AWS::Lambda::Function")) {
        continue;
      }
      JsonNode properties = resource.getValue().path("Properties");
      String handler = text(properties.path("Handler"), globals.path("Handler"));
      String codeUri = text(properties.path("CodeUri"), globals.path("CodeUri"));
      boolean authorizer = authorizers.stream().anyMatch(ref -> ref.contains(resource.getKey()));
      resolve(template, "Resources", resource.getKey(), codeUri, handler, authorizer, product)
          .ifPresent(handlers::add);
    }
  }

  private static void serverless(
      LambdaTemplates.Template template,
      Map<String, PythonModule> product,
      List<Handler> handlers) {
    JsonNode functions = template.root().path("functions");
    Set<String> authorizers = new HashSet<>();
    for (Map.Entry<String, JsonNode> function : functions.properties()) {
      for (JsonNode event : function.getValue().path("events")) {
        JsonNode authorizer = event.path("http").path("authorizer");
        if (authorizer.isMissingNode()) {
          authorizer = event.path("httpApi").path("authorizer");
        }
        String name =
            authorizer.isTextual() ? authorizer.asText() : authorizer.path("name").asText("");
        if (!name.isEmpty()) {
          authorizers.add(name);
        }
      }
    }
    for (Map.Entry<String, JsonNode> function : functions.properties()) {
      String handler = function.getValue().path("handler").asText("");
      resolve(
              template,
              "functions",
              function.getKey(),
              "",
              handler,
              authorizers.contains(function.getKey()),
              product)
          .ifPresent(handlers::add);
    }
  }

  /** Every text value under an {@code Authorizers} map or an API Gateway authorizer resource. */
  private static Set<String> authorizerReferences(JsonNode root) {
    Set<String> references = new HashSet<>();
    collect(root, false, references);
    return references;
  }

  private static void collect(JsonNode node, boolean inside, Set<String> references) {
    if (node.isTextual() && inside) {
      references.add(node.asText());
      return;
    }
    if (node.isObject()) {
      boolean gatewayAuthorizer =
          node.path("Type").asText("").equals("AWS::ApiGateway::Authorizer");
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        boolean enters =
            inside
                || gatewayAuthorizer
                || entry.getKey().equals("Authorizers")
                || entry.getKey().equals("FunctionArn");
        collect(entry.getValue(), enters, references);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, inside, references);
      }
    }
  }

  private static String text(JsonNode own, JsonNode global) {
    return own.isTextual() ? own.asText() : global.isTextual() ? global.asText() : "";
  }

  /**
   * {@code app.lambda_handler} with CodeUri {@code src/}: {@code src/app.py}, function {@code
   * lambda_handler}; folders relative to the template's; a module path may use dots or slashes.
   */
  private static Optional<Handler> resolve(
      LambdaTemplates.Template template,
      String section,
      String name,
      String codeUri,
      String handler,
      boolean authorizer,
      Map<String, PythonModule> product) {
    int dot = handler.lastIndexOf('.');
    if (dot <= 0 || codeUri.startsWith("s3://")) {
      return Optional.empty();
    }
    String function = handler.substring(dot + 1);
    String modulePath = handler.substring(0, dot).replace('.', '/') + ".py";
    String folder = folderOf(template.path());
    String base = join(folder, codeUri);
    String path = normalise(join(base, modulePath));
    PythonModule module = product.get(path);
    if (module == null) {
      return Optional.empty();
    }
    for (FunctionDef def : module.functions()) {
      if (def.name().equals(function) && !def.method()) {
        return Optional.of(
            new Handler(
                path,
                function,
                def.line(),
                template.path() + ":" + template.lineOf(section, name),
                authorizer));
      }
    }
    return Optional.empty();
  }

  private static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String join(String a, String b) {
    if (a.isEmpty() || b.startsWith("/")) {
      return b;
    }
    return b.isEmpty() ? a : a + "/" + b;
  }

  /** Drops {@code ./}, empty segments and resolves {@code ..}. */
  private static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(segment);
    }
    return String.join("/", parts);
  }
}
