package dev.fleetcheck.core.rules.sec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS in SAM/CloudFormation templates (YAML or JSON, outside test code): an API's {@code Cors}, an
 * HttpApi's {@code CorsConfiguration} or a function URL's {@code Cors} (SAM {@code
 * FunctionUrlConfig}, {@code AWS::Lambda::Url}) that allows {@code '*'}, in a resource or in {@code
 * Globals}. An S3 bucket's CORS rules are not an API and are never read.
 */
final class SamCors {

  /** What the scan found and how many templates it read. */
  record Scan(List<Evidence> findings, int checked) {}

  private static final List<String> MARKERS =
      List.of("AWS::Serverless::", "AWS::Lambda::Url", "AWS::ApiGatewayV2::Api");

  private SamCors() {}

  static Scan scan(Facts facts) {
    List<Evidence> findings = new ArrayList<>();
    int checked = 0;
    for (SourceFile file : facts.snapshot().files()) {
      if (file.testCode() || !isTemplatePath(file.path())) {
        continue;
      }
      Optional<String> text = facts.snapshot().readText(file.path());
      // Every marker holds "AWS::": a text without it is searched once, not once per marker.
      if (text.isEmpty()
          || !text.get().contains("AWS::")
          || MARKERS.stream().noneMatch(text.get()::contains)) {
        continue;
      }
      Optional<JsonNode> template =
          file.name().endsWith(".json")
              ? ConfigParsers.json(facts, file.path()).asOptional()
              : ConfigParsers.yaml(facts, file.path()).asOptional();
      if (template.isEmpty()) {
        continue;
      }
      checked++;
      new TemplateScan(file.path(), text.get().split("\r?\n|\r", -1), findings)
          .scan(template.get());
    }
    return new Scan(findings, checked);
  }

  /** Asked of the path: it ends as its file name does, and no name is cut out of every file's. */
  private static boolean isTemplatePath(String path) {
    return path.endsWith(".yaml")
        || path.endsWith(".yml")
        || path.endsWith(".template")
        || path.endsWith(".json");
  }

  /** One template: walks Globals and Resources, locating findings by line in the text. */
  private record TemplateScan(String path, String[] lines, List<Evidence> findings) {

    void scan(JsonNode template) {
      JsonNode globals = template.path("Globals");
      check(globals.path("Api").path("Cors"), "Globals", "Api Cors");
      check(
          globals.path("HttpApi").path("CorsConfiguration"),
          "Globals",
          "HttpApi CorsConfiguration");
      check(
          globals.path("Function").path("FunctionUrlConfig").path("Cors"),
          "Globals",
          "function URL Cors");
      for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
        String name = resource.getKey();
        JsonNode properties = resource.getValue().path("Properties");
        switch (resource.getValue().path("Type").asText("")) {
          case "AWS::Serverless::Api" -> check(properties.path("Cors"), name, "Api Cors");
          case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" ->
              check(properties.path("CorsConfiguration"), name, "HttpApi CorsConfiguration");
          case "AWS::Serverless::Function" ->
              check(properties.path("FunctionUrlConfig").path("Cors"), name, "function URL Cors");
          case "AWS::Lambda::Url" -> check(properties.path("Cors"), name, "function URL Cors");
          default -> {}
        }
      }
    }

    private void check(JsonNode cors, String owner, String what) {
      if (cors.isMissingNode() || cors.isNull() || !allowsAnyOrigin(cors)) {
        return;
      }
      findings.add(
          Evidence.at(path, lineOf(owner), owner + ": " + what + " allows every origin ('*')"));
    }

    /** The line of the origin setting under {@code owner}'s key, or of the key itself. */
    private int lineOf(String owner) {
      int from = 0;
      if (!owner.equals("Globals")) {
        while (from < lines.length
            && !lines[from].trim().replace("\"", "").startsWith("Resources")) {
          from++;
        }
      }
      for (int i = from; i < lines.length; i++) {
        String trimmed = lines[i].trim();
        if (trimmed.startsWith(owner + ":") || trimmed.startsWith("\"" + owner + "\"")) {
          for (int j = i + 1; j < lines.length; j++) {
            if (lines[j].contains("AllowOrigin")
                || lines[j].matches("\\s*\"?Cors\"?\\s*:.*\\*.*")) {
              return j + 1;
            }
          }
          return i + 1;
        }
      }
      return 0;
    }
  }

  /**
   * {@code Cors: "'*'"}, {@code AllowOrigin: "'*'"}, {@code AllowOrigins: ["*"]}, or an HttpApi's
   * {@code CorsConfiguration: true} (which SAM expands to every origin).
   */
  static boolean allowsAnyOrigin(JsonNode cors) {
    if (cors.isBoolean()) {
      return cors.booleanValue();
    }
    if (cors.isTextual()) {
      return isAny(cors.textValue());
    }
    JsonNode single = cors.path("AllowOrigin");
    if (single.isTextual() && isAny(single.textValue())) {
      return true;
    }
    JsonNode many = cors.path("AllowOrigins");
    if (many.isArray()) {
      for (JsonNode origin : many) {
        if (origin.isTextual() && isAny(origin.textValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAny(String origin) {
    String value = origin.trim();
    if (value.length() >= 2
        && (value.startsWith("'") && value.endsWith("'")
            || value.startsWith("\"") && value.endsWith("\""))) {
      value = value.substring(1, value.length() - 1).trim();
    }
    return value.equals("*");
  }
}
