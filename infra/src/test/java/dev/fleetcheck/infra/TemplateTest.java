package dev.fleetcheck.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml meets every requirement of issue 9 that a reader of the file can check. */
class TemplateTest {

  private static final Template TEMPLATE = Template.read(RepoRoot.resolve("template.yaml"));
  private static final Set<DataModelIndexes.Gsi> DESIGNED_GSIS =
      DataModelIndexes.read(RepoRoot.resolve("docs/data-model.md"));

  @Test
  void shortFormTagsReadAsTheirLongForms() {
    JsonNode redrive = TEMPLATE.properties("ScanQueue").path("RedrivePolicy");
    assertThat(redrive.path("deadLetterTargetArn").toString())
        .isEqualTo("{\"Fn::GetAtt\":[\"ScanDeadLetterQueue\",\"Arn\"]}");
    assertThat(redrive.path("maxReceiveCount").toString())
        .isEqualTo("{\"Ref\":\"MaxReceiveCount\"}");
    assertThat(TEMPLATE.properties("ReportsBucket").path("BucketName").has("Fn::Sub")).isTrue();
  }

  @Test
  void threeFunctionsRunJava21OnArm64FromTheirModuleFolders() {
    assertThat(TemplateChecks.functionsOnJava21Arm64(TEMPLATE)).isEmpty();
  }

  @Test
  void apiAndSweepUseSnapStartThroughAnAliasAndTheWorkerDoesNot() {
    assertThat(TemplateChecks.snapStartOnApiAndSweepOnly(TEMPLATE)).isEmpty();
  }

  @Test
  void noSnapStartFunctionHasMoreThan512MbOfEphemeralStorage() {
    assertThat(TemplateChecks.snapStartWithinEphemeralLimit(TEMPLATE)).isEmpty();
  }

  @Test
  void scanQueueOutlastsSixWorkerTimeoutsAndRedrivesToItsDeadLetterQueue() {
    assertThat(TemplateChecks.queueWithDeadLetterQueue(TEMPLATE)).isEmpty();
  }

  @Test
  void workerReportsBatchItemFailuresWithBoundedConcurrency() {
    assertThat(TemplateChecks.workerEventSourceMapping(TEMPLATE)).isEmpty();
  }

  @Test
  void tableIsOnDemandWithRecoveryTtlAndTheDataModelsIndexes() {
    assertThat(DESIGNED_GSIS).hasSize(6);
    assertThat(TemplateChecks.table(TEMPLATE, DESIGNED_GSIS)).isEmpty();
  }

  @Test
  void bucketIsEncryptedPrivateTlsOnlyAndHasLifecycleRules() {
    assertThat(TemplateChecks.bucket(TEMPLATE)).isEmpty();
  }

  @Test
  void sweepRunsOnAScheduleWithRetriesAndADeadLetterQueue() {
    assertThat(TemplateChecks.schedule(TEMPLATE)).isEmpty();
  }

  @Test
  void everyRouteOfIssue10HasItsScopeBehindTheJwtAuthorizer() {
    assertThat(TemplateChecks.httpApi(TEMPLATE)).isEmpty();
  }

  @Test
  void eachFunctionHasItsOwnRoleAndNoPolicyGrantsEverything() {
    assertThat(TemplateChecks.oneRolePerFunction(TEMPLATE)).isEmpty();
    assertThat(TemplateChecks.noWildcardPolicies(TEMPLATE)).isEmpty();
  }

  @Test
  void alarmsWatchTheDeadLetterQueueFunctionErrorsAndQueueAge() {
    assertThat(TemplateChecks.alarms(TEMPLATE)).isEmpty();
  }

  @Test
  void githubCredentialsComeFromTheTemplatesSecret() {
    assertThat(TemplateChecks.githubSecret(TEMPLATE)).isEmpty();
  }

  @Test
  void everyApiInstanceSignsCursorsWithTheOneKeyTheTemplatesSecretHolds() {
    assertThat(TemplateChecks.cursorKeySecret(TEMPLATE)).isEmpty();
  }

  @Test
  void functionsAreToldTheDeadLetterQueueReceiveLimitAndABatchFittingScanTimeout() {
    assertThat(TemplateChecks.queueAndTimeoutVariables(TEMPLATE)).isEmpty();
  }

  @Test
  void parametersAndOutputsAreDeclared() {
    assertThat(TemplateChecks.parametersAndOutputs(TEMPLATE)).isEmpty();
  }

  // ---- each check fails on a template that breaks it

  @Test
  void snapStartOnAFunctionWithLargeEphemeralStorageIsCaught() {
    Template broken = TEMPLATE.copy();
    broken.properties("ApiFunction").putObject("EphemeralStorage").put("Size", 1024);
    assertThat(TemplateChecks.snapStartWithinEphemeralLimit(broken))
        .containsExactly("ApiFunction has SnapStart and 1024 MB of ephemeral storage");

    Template workerWithSnapStart = TEMPLATE.copy();
    workerWithSnapStart
        .properties("WorkerFunction")
        .putObject("SnapStart")
        .put("ApplyOn", "PublishedVersions");
    assertThat(TemplateChecks.snapStartWithinEphemeralLimit(workerWithSnapStart)).isNotEmpty();
    assertThat(TemplateChecks.snapStartOnApiAndSweepOnly(workerWithSnapStart))
        .contains("WorkerFunction has SnapStart");
  }

  @Test
  void snapStartWithoutAnAliasIsCaught() {
    Template broken = TEMPLATE.copy();
    broken.properties("SweepFunction").remove("AutoPublishAlias");
    assertThat(TemplateChecks.snapStartOnApiAndSweepOnly(broken))
        .containsExactly("SweepFunction publishes no alias, so SnapStart would never apply");
  }

  @Test
  void wildcardActionsAndResourcesAreCaughtInTheYamlText() throws Exception {
    String yaml = Files.readString(RepoRoot.resolve("template.yaml"));
    String wildcardResource =
        yaml.replace(
            "Action: sqs:SendMessage\n                Resource: !GetAtt ScanQueue.Arn",
            "Action: sqs:SendMessage\n                Resource: \"*\"");
    assertThat(wildcardResource).isNotEqualTo(yaml);
    assertThat(TemplateChecks.noWildcardPolicies(Template.parse(wildcardResource)))
        .contains("SweepRole allows resource *");

    String wildcardAction = yaml.replace("- dynamodb:DeleteItem", "- dynamodb:*");
    assertThat(wildcardAction).isNotEqualTo(yaml);
    assertThat(TemplateChecks.noWildcardPolicies(Template.parse(wildcardAction)))
        .containsExactly("WorkerRole allows action dynamodb:*");
  }

  @Test
  void managedPoliciesAndSharedRolesAreCaught() {
    Template broken = TEMPLATE.copy();
    broken
        .properties("ApiRole")
        .putArray("ManagedPolicyArns")
        .add("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    assertThat(TemplateChecks.noWildcardPolicies(broken))
        .containsExactly("ApiRole attaches managed policies (their resources are *)");

    Template shared = TEMPLATE.copy();
    shared.properties("ApiFunction").set("Role", TEMPLATE.properties("WorkerFunction").get("Role"));
    assertThat(TemplateChecks.oneRolePerFunction(shared))
        .containsExactly("WorkerRole is shared by WorkerFunction and ApiFunction");
  }

  @Test
  void aVisibilityTimeoutBelowSixWorkerTimeoutsIsCaught() {
    Template broken = TEMPLATE.copy();
    broken.properties("ScanQueue").put("VisibilityTimeout", 1799);
    assertThat(TemplateChecks.queueWithDeadLetterQueue(broken))
        .containsExactly("visibility timeout 1799 s is below 6 x the worker timeout 300");

    Template fixedReceives = TEMPLATE.copy();
    ((ObjectNode) fixedReceives.properties("ScanQueue").path("RedrivePolicy"))
        .put("maxReceiveCount", 5);
    assertThat(TemplateChecks.queueWithDeadLetterQueue(fixedReceives))
        .containsExactly("maxReceiveCount is not the MaxReceiveCount parameter");
  }

  @Test
  void aWorkerWithoutPartialBatchResponsesOrConcurrencyBoundIsCaught() {
    Template broken = TEMPLATE.copy();
    ObjectNode event =
        (ObjectNode)
            broken.properties("WorkerFunction").path("Events").path("ScanJobs").path("Properties");
    event.remove("FunctionResponseTypes");
    event.remove("ScalingConfig");
    assertThat(TemplateChecks.workerEventSourceMapping(broken))
        .containsExactly(
            "the worker's event source does not report batch item failures",
            "the worker's event source has no ScalingConfig.MaximumConcurrency");
  }

  @Test
  void aTableMissingRecoveryTtlOrAnIndexIsCaught() {
    Template broken = TEMPLATE.copy();
    ObjectNode table = broken.properties("ResultsTable");
    ((ObjectNode) table.path("PointInTimeRecoverySpecification"))
        .put("PointInTimeRecoveryEnabled", false);
    ((ObjectNode) table.path("TimeToLiveSpecification")).put("AttributeName", "expires");
    ((com.fasterxml.jackson.databind.node.ArrayNode) table.path("GlobalSecondaryIndexes"))
        .remove(5);
    assertThat(TemplateChecks.table(broken, DESIGNED_GSIS))
        .hasSize(3)
        .contains(
            "the table has no point-in-time recovery", "TTL is not enabled on the attribute ttl")
        .anySatisfy(problem -> assertThat(problem).contains("differ from docs/data-model.md"));
  }

  @Test
  void aPublicOrPlainHttpBucketIsCaught() {
    Template broken = TEMPLATE.copy();
    ((ObjectNode) broken.properties("ReportsBucket").path("PublicAccessBlockConfiguration"))
        .put("RestrictPublicBuckets", false);
    broken.root().withObject("/Resources").remove("ReportsBucketPolicy");
    assertThat(TemplateChecks.bucket(broken))
        .containsExactly(
            "public access: RestrictPublicBuckets is not true",
            "no bucket policy denies requests without TLS on the bucket and its objects");
  }

  @Test
  void aScheduleWithoutRetriesOrDeadLetterQueueIsCaught() {
    Template broken = TEMPLATE.copy();
    ObjectNode schedule =
        (ObjectNode)
            broken.properties("SweepFunction").path("Events").path("Weekly").path("Properties");
    schedule.remove("RetryPolicy");
    schedule.remove("DeadLetterConfig");
    assertThat(TemplateChecks.schedule(broken))
        .containsExactly(
            "the schedule has no retry policy", "the schedule has no dead-letter queue");
  }

  @Test
  void aRouteWithTheWrongScopeOrNoneIsCaught() {
    Template broken = TEMPLATE.copy();
    ObjectNode postSweep =
        (ObjectNode)
            broken.properties("ApiFunction").path("Events").path("PostSweep").path("Properties");
    postSweep.putObject("Auth").putArray("AuthorizationScopes").add("scans:write");
    assertThat(TemplateChecks.httpApi(broken)).hasSize(1);

    Template publicRoute = TEMPLATE.copy();
    ((ObjectNode)
            publicRoute.properties("ApiFunction").path("Events").path("GetScan").path("Properties"))
        .putObject("Auth")
        .put("Authorizer", "NONE");
    assertThat(TemplateChecks.httpApi(publicRoute)).hasSize(1);
  }

  @Test
  void aMissingAlarmIsCaught() {
    Template broken = TEMPLATE.copy();
    broken.root().withObject("/Resources").remove("WorkerErrorsAlarm");
    broken.root().withObject("/Resources").remove("ScanQueueAgeAlarm");
    assertThat(TemplateChecks.alarms(broken))
        .containsExactly(
            "no alarm on the scan queue's oldest message age", "no alarm on WorkerFunction errors");
  }

  @Test
  void anApiRoleThatReadsTheGitHubSecretIsCaught() {
    Template broken = TEMPLATE.copy();
    grantSecretRead(broken, "ApiRole", "GitHubCredentials");
    assertThat(TemplateChecks.githubSecret(broken))
        .containsExactly(
            "the secret is readable by [ApiRole, SweepRole, WorkerRole],"
                + " expected [SweepRole, WorkerRole]");
  }

  @Test
  void aCursorKeyPerInstanceOrOneReadableByOtherRolesIsCaught() {
    Template broken = TEMPLATE.copy();
    ((ObjectNode) broken.properties("ApiFunction").path("Environment").path("Variables"))
        .remove("FLEETCHECK_CURSOR_KEY_SECRET_ARN");
    ((ObjectNode) broken.properties("CursorKey").path("GenerateSecretString"))
        .put("ExcludePunctuation", false);
    grantSecretRead(broken, "WorkerRole", "CursorKey");
    assertThat(TemplateChecks.cursorKeySecret(broken))
        .containsExactly(
            "CursorKey is not base64 of 32 bytes or more (letters and digits only, a length that"
                + " is a multiple of 4 and at least 44)",
            "ApiFunction is not told the cursor key secret's ARN",
            "the cursor key is readable by [ApiRole, WorkerRole], expected [ApiRole]");
  }

  @Test
  void aMissingQueueVariableOrAScanTimeoutTooLongForTheBatchIsCaught() {
    Template broken = TEMPLATE.copy();
    ObjectNode worker =
        (ObjectNode) broken.properties("WorkerFunction").path("Environment").path("Variables");
    worker.put("FLEETCHECK_SCAN_TIMEOUT_SECONDS", "150");
    ((ObjectNode) broken.properties("SweepFunction").path("Environment").path("Variables"))
        .remove("FLEETCHECK_DLQ_URL");
    assertThat(TemplateChecks.queueAndTimeoutVariables(broken))
        .containsExactly(
            "SweepFunction is not told the dead-letter queue's URL",
            "a batch of 2 jobs of 150 s (+10 s each) does not fit the worker's 300 s timeout");
  }

  @Test
  void aMissingParameterOrOutputIsCaught() {
    Template broken = TEMPLATE.copy();
    broken.root().withObject("/Parameters").remove("JwtAudience");
    broken.root().withObject("/Outputs").remove("ApiUrl");
    assertThat(TemplateChecks.parametersAndOutputs(broken))
        .containsExactly("no parameter JwtAudience", "no output ApiUrl");
  }

  /** Adds a statement letting {@code role} read {@code secret} to the role's first policy. */
  private static void grantSecretRead(Template broken, String role, String secret) {
    ObjectNode statement =
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                broken
                    .properties(role)
                    .path("Policies")
                    .path(0)
                    .path("PolicyDocument")
                    .path("Statement"))
            .addObject();
    statement.put("Effect", "Allow").put("Action", "secretsmanager:GetSecretValue");
    statement.putObject("Resource").put("Ref", secret);
  }
}
