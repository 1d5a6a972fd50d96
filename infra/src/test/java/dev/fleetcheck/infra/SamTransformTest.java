package dev.fleetcheck.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAM transform expands template.yaml offline (infra/sam_expand.py on samtranslator), and the
 * CloudFormation it produces still says what the template means: SnapStart versions behind the
 * aliases the schedule and the API call, the event source mapping, the route scopes, and no
 * wildcard in the roles SAM adds.
 */
class SamTransformTest {

  private static Template expanded;

  @TempDir Path work;

  @BeforeAll
  static void expand() throws Exception {
    Tools.Result result = samExpand(RepoRoot.resolve("template.yaml"));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    expanded = Template.parse(result.stdout());
  }

  @Test
  void snapStartVersionsAndAliasesExistForApiAndSweepOnly() {
    Map<String, JsonNode> functions = expanded.resourcesOfType("AWS::Lambda::Function");
    assertThat(functions).containsOnlyKeys("SweepFunction", "WorkerFunction", "ApiFunction");
    Map<String, String> snapStart = new TreeMap<>();
    functions.forEach(
        (id, f) ->
            snapStart.put(
                id, f.path("Properties").path("SnapStart").path("ApplyOn").asText("none")));
    assertThat(snapStart)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "ApiFunction", "PublishedVersions",
                    "SweepFunction", "PublishedVersions",
                    "WorkerFunction", "none")));
    assertThat(expanded.resourcesOfType("AWS::Lambda::Alias"))
        .containsOnlyKeys("SweepFunctionAliaslive", "ApiFunctionAliaslive");
    assertThat(
            functions
                .get("WorkerFunction")
                .path("Properties")
                .path("EphemeralStorage")
                .path("Size")
                .asInt())
        .isGreaterThan(TemplateChecks.SNAPSTART_MAX_EPHEMERAL_MB);
  }

  @Test
  void theScheduleInvokesTheSweepAliasWithRetriesAndADeadLetterQueue() {
    Map<String, JsonNode> schedules = expanded.resourcesOfType("AWS::Scheduler::Schedule");
    assertThat(schedules).hasSize(1);
    JsonNode target = schedules.values().iterator().next().path("Properties").path("Target");
    assertThat(Template.isRef(target.path("Arn"), "SweepFunctionAliaslive")).isTrue();
    assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
    assertThat(
            Template.isGetAtt(
                target.path("DeadLetterConfig").path("Arn"), "ScheduleDeadLetterQueue", "Arn"))
        .isTrue();
  }

  @Test
  void theWorkerEventSourceMappingReportsBatchItemFailures() {
    Map<String, JsonNode> mappings = expanded.resourcesOfType("AWS::Lambda::EventSourceMapping");
    assertThat(mappings).hasSize(1);
    JsonNode mapping = mappings.values().iterator().next().path("Properties");
    assertThat(Template.isGetAtt(mapping.path("EventSourceArn"), "ScanQueue", "Arn")).isTrue();
    assertThat(Template.isRef(mapping.path("FunctionName"), "WorkerFunction")).isTrue();
    assertThat(mapping.path("FunctionResponseTypes").toString())
        .isEqualTo("[\"ReportBatchItemFailures\"]");
    assertThat(
            Template.isRef(
                mapping.path("ScalingConfig").path("MaximumConcurrency"), "WorkerMaxConcurrency"))
        .isTrue();
  }

  @Test
  void everyRouteReachesTheApiAliasWithItsScope() {
    JsonNode paths = expanded.properties("HttpApi").path("Body").path("paths");
    Map<String, String> scopes = new TreeMap<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          JsonNode operation = method.getValue();
                          String route = method.getKey().toUpperCase() + " " + path.getKey();
                          JsonNode security = operation.path("security").path(0);
                          String scope =
                              security.has("NONE")
                                  ? "(public)"
                                  : security.path("JwtAuthorizer").path(0).asText();
                          scopes.put(route, scope);
                          assertThat(
                                  operation
                                      .path("x-amazon-apigateway-integration")
                                      .path("uri")
                                      .toString())
                              .as(route)
                              .contains("${ApiFunctionAliaslive}");
                        }));
    Map<String, String> expected = new TreeMap<>();
    TemplateChecks.ROUTE_SCOPES.forEach((r, s) -> expected.put(r, s == null ? "(public)" : s));
    assertThat(scopes).isEqualTo(expected);
  }

  @Test
  void theRolesSamAddsGrantNoWildcard() {
    assertThat(expanded.resourcesOfType("AWS::IAM::Role"))
        .containsKeys("SweepRole", "WorkerRole", "ApiRole", "SweepFunctionWeeklyRole");
    assertThat(TemplateChecks.noWildcardPolicies(expanded)).isEmpty();
  }

  @Test
  void theExpansionFailsOnAnInvalidTemplate() throws Exception {
    String yaml = Files.readString(RepoRoot.resolve("template.yaml"));
    String broken = yaml.replace("        DefaultAuthorizer: JwtAuthorizer\n", "");
    assertThat(broken).isNotEqualTo(yaml);

    Tools.Result result = samExpand(Files.writeString(work.resolve("template.yaml"), broken));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("DefaultAuthorizer");
  }

  private static Tools.Result samExpand(Path template) throws Exception {
    Path python = Tools.pythonOfCfnLint();
    return Tools.run(
        List.of(python.toString(), "infra/sam_expand.py", template.toString()),
        Map.of("AWS_DEFAULT_REGION", "us-east-1"),
        RepoRoot.path(),
        300);
  }
}
