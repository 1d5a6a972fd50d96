package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.ApiFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/openapi.json against the router and against real responses: every route is documented with
 * its scope, every documented operation is a route, and what the handler answers to every sample
 * event (and to refused and invalid requests) validates against the documented schema of its status
 * and media type.
 */
class OpenApiContractTest {

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  @TempDir Path dir;
  private ApiFixture api;
  private JsonNode document;

  @BeforeEach
  void open() throws IOException {
    api = new ApiFixture(dir);
    document = ApiFixture.JSON.readTree(Files.readString(docsFile()));
  }

  @AfterEach
  void close() {
    api.close();
  }

  private static Path docsFile() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("docs").resolve("openapi.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/openapi.json not found above the working folder");
  }

  private Map<String, Route> routes() {
    return new ApiRouter(
            ApiRoutes.all(api.runtime, ApiRoutes.noReportLinks(), ApiRoutes.noSweepLauncher()),
            api.runtime.log())
        .routes();
  }

  private TreeSet<String> documentedRoutes() {
    TreeSet<String> documented = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return documented;
  }

  private JsonNode operation(String routeKey) {
    String method = routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase(Locale.ROOT);
    return document.path("paths").path(routeKey.substring(routeKey.indexOf(' ') + 1)).path(method);
  }

  @Test
  void theDocumentIsOpenApi31AndTheServedOneIsTheSameFile() throws IOException {
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    APIGatewayV2HTTPResponse served = api.invoke(sample("get-openapi.json"));
    assertThat(ApiFixture.JSON.readTree(served.getBody())).isEqualTo(document);
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
    assertThat(documentedRoutes()).isEqualTo(new TreeSet<>(routes().keySet()));
  }

  @Test
  void everyDocumentedScopeIsTheRoutesOwn() {
    routes()
        .forEach(
            (key, route) -> {
              JsonNode security = operation(key).path("security");
              if (route.access() instanceof Route.Access.Scope scope) {
                assertThat(security.get(0).path("bearer").get(0).asText())
                    .as(key)
                    .isEqualTo(scope.name());
              } else {
                assertThat(security.size()).as(key).isZero();
              }
            });
  }

  @Test
  void theResponseToEverySampleEventConformsToItsDocumentedSchema() throws IOException {
    List<String> problems = new ArrayList<>();
    try (var files = Files.list(SampleEvents.path("api"))) {
      for (Path file : files.sorted().toList()) {
        APIGatewayV2HTTPEvent event = sample(file.getFileName().toString());
        if (event.getRouteKey().equals("GET /v1/exports/{id}")) {
          String id =
              ApiFixture.body(api.invoke(sample("post-export.json"))).path("export_id").asText();
          event.setPathParameters(Map.of("id", id));
        }
        if (event.getRouteKey().equals("GET /fleet/exports/{id}")) {
          String location =
              api.invoke(sample("post-fleet-export.json")).getHeaders().get("location");
          event.setPathParameters(Map.of("id", location.substring(location.lastIndexOf('/') + 1)));
        }
        problems.addAll(check(event, api.invoke(event), 200, 202, 303));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void refusalsAndErrorsConformToTheirDocumentedSchemas() {
    List<String> problems = new ArrayList<>();
    APIGatewayV2HTTPEvent anonymous = sample("get-scan.json");
    anonymous.getRequestContext().setAuthorizer(null);
    problems.addAll(check(anonymous, api.invoke(anonymous), 401));
    APIGatewayV2HTTPEvent forbidden = ApiFixture.withScope(sample("post-scan.json"), "scans:read");
    problems.addAll(check(forbidden, api.invoke(forbidden), 403));
    APIGatewayV2HTTPEvent missing = sample("get-sweep.json");
    missing.setPathParameters(Map.of("id", "sw-none"));
    problems.addAll(check(missing, api.invoke(missing), 404));
    APIGatewayV2HTTPEvent invalid = ApiFixture.withBody("post-export.json", "{\"format\":1}");
    problems.addAll(check(invalid, api.invoke(invalid), 400));
    APIGatewayV2HTTPEvent large =
        ApiFixture.withBody("post-sweep.json", " ".repeat(ApiRouter.MAX_BODY_BYTES + 1));
    problems.addAll(check(large, api.invoke(large), 413));
    api.invoke(sample("post-scan.json"));
    APIGatewayV2HTTPEvent conflict =
        ApiFixture.withBody(
            "post-scan.json", "{\"repository_url\":\"https://github.com/acme/other.git\"}");
    problems.addAll(check(conflict, api.invoke(conflict), 409));
    APIGatewayV2HTTPEvent anonymousPage = sample("get-fleet-page.json");
    anonymousPage.getRequestContext().setAuthorizer(null);
    problems.addAll(check(anonymousPage, api.invoke(anonymousPage), 401));
    APIGatewayV2HTTPEvent forbiddenForm =
        ApiFixture.withScope(sample("post-fleet-export.json"), "scans:read");
    problems.addAll(check(forbiddenForm, api.invoke(forbiddenForm), 403));
    APIGatewayV2HTTPEvent missingRepository = sample("get-fleet-repo-page.json");
    missingRepository.setPathParameters(Map.of("repo", "no-such-repository"));
    problems.addAll(check(missingRepository, api.invoke(missingRepository), 404));
    APIGatewayV2HTTPEvent badBand = sample("get-fleet-page.json");
    badBand.setQueryStringParameters(Map.of("band", "purple"));
    problems.addAll(check(badBand, api.invoke(badBand), 400));
    assertThat(problems).isEmpty();
  }

  private List<String> check(
      APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response, int... expected) {
    String where = event.getRouteKey() + " -> " + response.getStatusCode();
    List<String> problems = new ArrayList<>();
    if (java.util.Arrays.stream(expected).noneMatch(s -> s == response.getStatusCode())) {
      problems.add(where + ": unexpected status, body " + response.getBody());
      return problems;
    }
    JsonNode documented =
        operation(event.getRouteKey())
            .path("responses")
            .path(Integer.toString(response.getStatusCode()));
    if (documented.has("$ref")) {
      documented = pointer(documented.get("$ref").asText());
    }
    if (documented.isMissingNode()) {
      problems.add(where + ": status not documented");
      return problems;
    }
    String contentType = response.getHeaders().get("content-type");
    JsonNode schema = documented.path("content").path(contentType).path("schema");
    if (schema.isMissingNode()) {
      problems.add(where + ": media type " + contentType + " not documented");
      return problems;
    }
    documented
        .path("headers")
        .fieldNames()
        .forEachRemaining(
            h -> {
              if (!response.getHeaders().containsKey(h.toLowerCase(Locale.ROOT))) {
                problems.add(where + ": documented header " + h + " missing");
              }
            });
    if (!contentType.contains("json")) {
      return problems;
    }
    ObjectNode root = ((ObjectNode) schema.deepCopy());
    root.set("components", document.path("components"));
    try {
      JsonNode body = ApiFixture.JSON.readTree(response.getBody());
      for (ValidationMessage message : SCHEMAS.getSchema(root, CONFIG).validate(body)) {
        problems.add(where + ": " + message.getMessage());
      }
    } catch (IOException e) {
      problems.add(where + ": body is not JSON");
    }
    return problems;
  }

  private JsonNode pointer(String ref) {
    return document.at(ref.substring(1));
  }
}
