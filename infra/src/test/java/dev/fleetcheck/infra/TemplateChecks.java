package dev.fleetcheck.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What template.yaml must say (issue 9), each check returning the violations it finds so that a
 * test can show a check fails on a mutated template. The logical ids are the template's.
 */
final class TemplateChecks {

  static final String SWEEP = "SweepFunction";
  static final String WORKER = "WorkerFunction";
  static final String API = "ApiFunction";
  static final String QUEUE = "ScanQueue";
  static final String DEAD_LETTER_QUEUE = "ScanDeadLetterQueue";
  static final String TABLE = "ResultsTable";
  static final String BUCKET = "ReportsBucket";
  static final String SECRET = "GitHubCredentials";
  static final String CURSOR_KEY = "CursorKey";
  static final String HTTP_API = "HttpApi";

  /** Lambda refuses SnapStart on a function with more ephemeral storage than this. */
  static final int SNAPSTART_MAX_EPHEMERAL_MB = 512;

  /** The routes of issue 10 and the scope each needs; {@code null} marks the public route. */
  static final Map<String, String> ROUTE_SCOPES = routeScopes();

  static final Set<String> SCOPES =
      Set.of("scans:read", "scans:write", "exports:create", "sweeps:admin");

  private TemplateChecks() {}

  private static Map<String, String> routeScopes() {
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("GET /v1/rules", "scans:read");
    routes.put("POST /v1/scans", "scans:write");
    routes.put("GET /v1/scans/{id}", "scans:read");
    routes.put("GET /v1/scans/{id}/report", "scans:read");
    routes.put("GET /v1/repos", "scans:read");
    routes.put("GET /v1/repos/{repo}/scans", "scans:read");
    routes.put("GET /v1/findings", "scans:read");
    routes.put("POST /v1/sweeps", "sweeps:admin");
    routes.put("GET /v1/sweeps/{id}", "scans:read");
    routes.put("POST /v1/exports", "exports:create");
    routes.put("GET /v1/exports/{id}", "exports:create");
    routes.put("GET /v1/openapi.json", null);
    routes.put("GET /fleet", "scans:read");
    routes.put("GET /fleet/repos/{repo}", "scans:read");
    routes.put("GET /fleet/rules/{id}", "scans:read");
    routes.put("POST /fleet/exports", "exports:create");
    routes.put("GET /fleet/exports/{id}", "exports:create");
    return java.util.Collections.unmodifiableMap(routes);
  }

  static List<String> functionsOnJava21Arm64(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, String> codeUris =
        Map.of(SWEEP, "functions/sweep", WORKER, "functions/worker", API, "functions/api");
    Set<String> functions = t.resourcesOfType("AWS::Serverless::Function").keySet();
    if (!functions.equals(codeUris.keySet())) {
      problems.add("functions are " + functions + ", expected " + codeUris.keySet());
    }
    for (String id : functions) {
      if (!"java21".equals(t.functionProperty(id, "Runtime").asText())) {
        problems.add(id + " does not run on java21");
      }
      JsonNode arch = t.functionProperty(id, "Architectures");
      if (arch.size() != 1 || !"arm64".equals(arch.path(0).asText())) {
        problems.add(id + " is not arm64 only: " + arch);
      }
      if (codeUris.containsKey(id)
          && !codeUris.get(id).equals(t.properties(id).path("CodeUri").asText())) {
        problems.add(id + " CodeUri is not " + codeUris.get(id));
      }
    }
    return problems;
  }

  /** SnapStart with an alias on the API and sweep functions, not on the worker. */
  static List<String> snapStartOnApiAndSweepOnly(Template t) {
    List<String> problems = new ArrayList<>();
    for (String id : List.of(API, SWEEP)) {
      if (!"PublishedVersions"
          .equals(t.functionProperty(id, "SnapStart").path("ApplyOn").asText())) {
        problems.add(id + " has no SnapStart on published versions");
      }
      if (t.functionProperty(id, "AutoPublishAlias").asText().isEmpty()) {
        problems.add(id + " publishes no alias, so SnapStart would never apply");
      }
    }
    if (snapStart(t, WORKER)) {
      problems.add(WORKER + " has SnapStart");
    }
    if (ephemeralMb(t, WORKER) <= SNAPSTART_MAX_EPHEMERAL_MB) {
      problems.add(WORKER + " has no more ephemeral storage than the default; clones need more");
    }
    return problems;
  }

  static List<String> snapStartWithinEphemeralLimit(Template t) {
    List<String> problems = new ArrayList<>();
    for (String id : t.resourcesOfType("AWS::Serverless::Function").keySet()) {
      if (snapStart(t, id) && ephemeralMb(t, id) > SNAPSTART_MAX_EPHEMERAL_MB) {
        problems.add(id + " has SnapStart and " + ephemeralMb(t, id) + " MB of ephemeral storage");
      }
    }
    return problems;
  }

  private static boolean snapStart(Template t, String id) {
    return "PublishedVersions".equals(t.functionProperty(id, "SnapStart").path("ApplyOn").asText());
  }

  private static int ephemeralMb(Template t, String id) {
    return t.functionProperty(id, "EphemeralStorage").path("Size").asInt(512);
  }

  static List<String> queueWithDeadLetterQueue(Template t) {
    List<String> problems = new ArrayList<>();
    JsonNode queue = t.properties(QUEUE);
    int visibility = queue.path("VisibilityTimeout").asInt(30);
    int workerTimeout = t.functionProperty(WORKER, "Timeout").asInt(3);
    if (visibility < 6 * workerTimeout) {
      problems.add(
          "visibility timeout "
              + visibility
              + " s is below 6 x the worker timeout "
              + workerTimeout);
    }
    JsonNode redrive = queue.path("RedrivePolicy");
    if (!Template.isGetAtt(redrive.path("deadLetterTargetArn"), DEAD_LETTER_QUEUE, "Arn")) {
      problems.add("the scan queue does not redrive to " + DEAD_LETTER_QUEUE);
    }
    if (!Template.isRef(redrive.path("maxReceiveCount"), "MaxReceiveCount")) {
      problems.add("maxReceiveCount is not the MaxReceiveCount parameter");
    }
    if (!"AWS::SQS::Queue".equals(t.resource(DEAD_LETTER_QUEUE).path("Type").asText())) {
      problems.add(DEAD_LETTER_QUEUE + " is not a queue");
    }
    return problems;
  }

  static List<String> workerEventSourceMapping(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> sqs = t.events(WORKER, "SQS");
    if (sqs.size() != 1) {
      return List.of(WORKER + " has " + sqs.size() + " SQS events, expected 1");
    }
    JsonNode event = sqs.values().iterator().next();
    if (!Template.isGetAtt(event.path("Queue"), QUEUE, "Arn")) {
      problems.add("the worker does not read " + QUEUE);
    }
    if (!contains(event.path("FunctionResponseTypes"), "ReportBatchItemFailures")) {
      problems.add("the worker's event source does not report batch item failures");
    }
    if (event.path("ScalingConfig").path("MaximumConcurrency").isMissingNode()) {
      problems.add("the worker's event source has no ScalingConfig.MaximumConcurrency");
    }
    return problems;
  }

  static List<String> table(Template t, Set<DataModelIndexes.Gsi> designed) {
    List<String> problems = new ArrayList<>();
    JsonNode table = t.properties(TABLE);
    if (!"PAY_PER_REQUEST".equals(table.path("BillingMode").asText())) {
      problems.add("the table is not on demand");
    }
    if (!table
        .path("PointInTimeRecoverySpecification")
        .path("PointInTimeRecoveryEnabled")
        .asBoolean()) {
      problems.add("the table has no point-in-time recovery");
    }
    JsonNode ttl = table.path("TimeToLiveSpecification");
    if (!ttl.path("Enabled").asBoolean() || !"ttl".equals(ttl.path("AttributeName").asText())) {
      problems.add("TTL is not enabled on the attribute ttl");
    }
    Map<String, String> keys = keySchema(table.path("KeySchema"));
    if (!keys.equals(Map.of("HASH", "PK", "RANGE", "SK"))) {
      problems.add("the table key is " + keys + ", expected PK/SK");
    }
    Set<DataModelIndexes.Gsi> declared =
        new TreeSet<>(java.util.Comparator.comparing(DataModelIndexes.Gsi::name));
    for (JsonNode gsi : table.path("GlobalSecondaryIndexes")) {
      Map<String, String> gsiKeys = keySchema(gsi.path("KeySchema"));
      declared.add(
          new DataModelIndexes.Gsi(
              gsi.path("IndexName").asText(), gsiKeys.get("HASH"), gsiKeys.get("RANGE")));
      if (!"ALL".equals(gsi.path("Projection").path("ProjectionType").asText())) {
        problems.add(gsi.path("IndexName").asText() + " does not project ALL");
      }
    }
    if (designed.isEmpty() || !Set.copyOf(declared).equals(Set.copyOf(designed))) {
      problems.add("GSIs " + declared + " differ from docs/data-model.md " + designed);
    }
    return problems;
  }

  private static Map<String, String> keySchema(JsonNode schema) {
    Map<String, String> keys = new HashMap<>();
    for (JsonNode key : schema) {
      keys.put(key.path("KeyType").asText(), key.path("AttributeName").asText());
    }
    return keys;
  }

  static List<String> bucket(Template t) {
    List<String> problems = new ArrayList<>();
    JsonNode bucket = t.properties(BUCKET);
    JsonNode encryption =
        bucket
            .path("BucketEncryption")
            .path("ServerSideEncryptionConfiguration")
            .path(0)
            .path("ServerSideEncryptionByDefault")
            .path("SSEAlgorithm");
    if (!Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(encryption.asText())) {
      problems.add("the bucket has no default encryption");
    }
    JsonNode block = bucket.path("PublicAccessBlockConfiguration");
    for (String setting :
        List.of(
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      if (!block.path(setting).asBoolean()) {
        problems.add("public access: " + setting + " is not true");
      }
    }
    JsonNode rules = bucket.path("LifecycleConfiguration").path("Rules");
    if (rules.isEmpty()) {
      problems.add("the bucket has no lifecycle rules");
    }
    for (JsonNode rule : rules) {
      if (!"Enabled".equals(rule.path("Status").asText())) {
        problems.add("lifecycle rule " + rule.path("Id").asText() + " is not enabled");
      }
    }
    if (!hasTlsOnlyPolicy(t)) {
      problems.add("no bucket policy denies requests without TLS on the bucket and its objects");
    }
    return problems;
  }

  private static boolean hasTlsOnlyPolicy(Template t) {
    for (JsonNode policy : t.resourcesOfType("AWS::S3::BucketPolicy").values()) {
      JsonNode properties = policy.path("Properties");
      if (!Template.isRef(properties.path("Bucket"), BUCKET)) {
        continue;
      }
      for (JsonNode statement : properties.path("PolicyDocument").path("Statement")) {
        boolean deny = "Deny".equals(statement.path("Effect").asText());
        boolean insecure =
            "false"
                .equals(
                    statement.path("Condition").path("Bool").path("aws:SecureTransport").asText());
        String resources = statement.path("Resource").toString();
        boolean coversBoth =
            resources.contains("\"" + BUCKET + "\"") && resources.contains(BUCKET + ".Arn}/*");
        if (deny && insecure && coversBoth) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> schedule(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> schedules = t.events(SWEEP, "ScheduleV2");
    if (schedules.size() != 1) {
      return List.of(SWEEP + " has " + schedules.size() + " ScheduleV2 events, expected 1");
    }
    JsonNode schedule = schedules.values().iterator().next();
    if (!Template.isRef(schedule.path("ScheduleExpression"), "ScheduleExpression")) {
      problems.add("the schedule expression is not the ScheduleExpression parameter");
    }
    JsonNode retry = schedule.path("RetryPolicy");
    if (retry.path("MaximumRetryAttempts").isMissingNode()
        || retry.path("MaximumEventAgeInSeconds").isMissingNode()) {
      problems.add("the schedule has no retry policy");
    }
    JsonNode dlq = schedule.path("DeadLetterConfig");
    if (dlq.path("Arn").isMissingNode() && dlq.path("Type").isMissingNode()) {
      problems.add("the schedule has no dead-letter queue");
    }
    return problems;
  }

  static List<String> httpApi(Template t) {
    List<String> problems = new ArrayList<>();
    JsonNode auth = t.properties(HTTP_API).path("Auth");
    String authorizerName = auth.path("DefaultAuthorizer").asText();
    JsonNode jwt = auth.path("Authorizers").path(authorizerName).path("JwtConfiguration");
    if (authorizerName.isEmpty() || jwt.isMissingNode()) {
      problems.add("the HTTP API has no default JWT authorizer");
    }
    if (!Template.isRef(jwt.path("issuer"), "JwtIssuer")) {
      problems.add("the JWT issuer is not the JwtIssuer parameter");
    }
    if (!Template.isRef(jwt.path("audience"), "JwtAudience")) {
      problems.add("the JWT audience is not the JwtAudience parameter");
    }
    Map<String, String> declared = new TreeMap<>();
    for (String function : t.resourcesOfType("AWS::Serverless::Function").keySet()) {
      for (JsonNode route : t.events(function, "HttpApi").values()) {
        String key = route.path("Method").asText() + " " + route.path("Path").asText();
        if (!API.equals(function)) {
          problems.add(key + " is served by " + function + ", not " + API);
        }
        if (!Template.isRef(route.path("ApiId"), HTTP_API)) {
          problems.add(key + " is not on " + HTTP_API);
        }
        JsonNode routeAuth = route.path("Auth");
        if ("NONE".equals(routeAuth.path("Authorizer").asText())) {
          declared.put(key, "(public)");
          continue;
        }
        JsonNode scopes = routeAuth.path("AuthorizationScopes");
        if (scopes.size() != 1) {
          problems.add(key + " needs exactly one scope, has " + scopes);
        }
        declared.put(key, scopes.path(0).asText());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    ROUTE_SCOPES.forEach((route, scope) -> expected.put(route, scope == null ? "(public)" : scope));
    if (!declared.equals(expected)) {
      problems.add("routes and scopes " + declared + " differ from issue 10's " + expected);
    }
    return problems;
  }

  /** Each function has a role of its own that only Lambda can assume. */
  static List<String> oneRolePerFunction(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (String id : t.resourcesOfType("AWS::Serverless::Function").keySet()) {
      JsonNode role = t.properties(id).path("Role");
      if (!role.has("Fn::GetAtt")) {
        problems.add(id + " has no role of the template's own");
        continue;
      }
      String roleId = Template.target(role).orElseThrow();
      String previous = owners.put(roleId, id);
      if (previous != null) {
        problems.add(roleId + " is shared by " + previous + " and " + id);
      }
      JsonNode trust = t.properties(roleId).path("AssumeRolePolicyDocument").path("Statement");
      if (trust.size() != 1
          || !"lambda.amazonaws.com"
              .equals(trust.path(0).path("Principal").path("Service").asText())) {
        problems.add(roleId + " can be assumed by more than Lambda");
      }
    }
    return problems;
  }

  /**
   * No Allow statement of an IAM policy grants every action or every resource: every resource the
   * functions touch exists in the template, so a narrower value always exists.
   */
  static List<String> noWildcardPolicies(Template t) {
    List<String> problems = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> documents = new ArrayList<>();
    t.resourcesOfType("AWS::IAM::Role")
        .forEach(
            (id, role) -> {
              for (JsonNode policy : role.path("Properties").path("Policies")) {
                documents.add(Map.entry(id, policy.path("PolicyDocument")));
              }
              if (role.path("Properties").has("ManagedPolicyArns")) {
                problems.add(id + " attaches managed policies (their resources are *)");
              }
            });
    for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
      t.resourcesOfType(type)
          .forEach(
              (id, p) -> documents.add(Map.entry(id, p.path("Properties").path("PolicyDocument"))));
    }
    t.resourcesOfType("AWS::Serverless::Function")
        .forEach(
            (id, function) -> {
              if (function.path("Properties").has("Policies")) {
                problems.add(id + " uses SAM policies; give it a role of its own");
              }
            });
    for (Map.Entry<String, JsonNode> document : documents) {
      for (JsonNode statement : document.getValue().path("Statement")) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
          continue;
        }
        for (JsonNode action : asList(statement.path("Action"))) {
          if (action.isTextual() && action.asText().contains("*")) {
            problems.add(document.getKey() + " allows action " + action.asText());
          }
        }
        if (statement.has("NotAction") || statement.has("NotResource")) {
          problems.add(document.getKey() + " uses NotAction/NotResource");
        }
        for (JsonNode resource : asList(statement.path("Resource"))) {
          if (resource.isTextual() && resource.asText().equals("*")) {
            problems.add(document.getKey() + " allows resource *");
          }
        }
      }
    }
    return problems;
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else if (!node.isMissingNode()) {
      items.add(node);
    }
    return items;
  }

  static List<String> alarms(Template t) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> alarms = new ArrayList<>(t.resourcesOfType("AWS::CloudWatch::Alarm").values());
    if (!hasAlarm(alarms, "ApproximateNumberOfMessagesVisible", DEAD_LETTER_QUEUE)) {
      problems.add("no alarm on the dead-letter queue's depth");
    }
    if (!hasAlarm(alarms, "ApproximateAgeOfOldestMessage", QUEUE)) {
      problems.add("no alarm on the scan queue's oldest message age");
    }
    for (String function : t.resourcesOfType("AWS::Serverless::Function").keySet()) {
      if (!hasAlarm(alarms, "Errors", function)) {
        problems.add("no alarm on " + function + " errors");
      }
    }
    return problems;
  }

  private static boolean hasAlarm(List<JsonNode> alarms, String metric, String subject) {
    for (JsonNode alarm : alarms) {
      JsonNode p = alarm.path("Properties");
      if (metric.equals(p.path("MetricName").asText())
          && Template.target(p.path("Dimensions").path(0).path("Value"))
              .filter(subject::equals)
              .isPresent()
          && p.path("AlarmActions").size() > 0) {
        return true;
      }
    }
    return false;
  }

  /** The GitHub secret is the template's and only the functions that clone may read it. */
  static List<String> githubSecret(Template t) {
    List<String> problems = new ArrayList<>();
    if (!"AWS::SecretsManager::Secret".equals(t.resource(SECRET).path("Type").asText())) {
      problems.add(SECRET + " is not a Secrets Manager secret");
    }
    for (String function : List.of(SWEEP, WORKER)) {
      if (!Template.isRef(variable(t, function, "FLEETCHECK_GITHUB_SECRET_ARN"), SECRET)) {
        problems.add(function + " is not told the secret's ARN");
      }
    }
    Map<String, Set<String>> readers = secretReaders(t, problems);
    Set<String> github = readers.getOrDefault(SECRET, Set.of());
    if (!github.equals(Set.of("SweepRole", "WorkerRole"))) {
      problems.add("the secret is readable by " + github + ", expected [SweepRole, WorkerRole]");
    }
    return problems;
  }

  /**
   * One signing key of the page cursors for every API instance: a secret generated at deploy whose
   * value is valid base64 of at least 32 bytes, named to the API, readable by the API alone.
   */
  static List<String> cursorKeySecret(Template t) {
    List<String> problems = new ArrayList<>();
    JsonNode generate = t.properties(CURSOR_KEY).path("GenerateSecretString");
    if (!"AWS::SecretsManager::Secret".equals(t.resource(CURSOR_KEY).path("Type").asText())
        || generate.isMissingNode()) {
      problems.add(CURSOR_KEY + " is not a generated Secrets Manager secret");
    }
    int length = generate.path("PasswordLength").asInt(32);
    if (!generate.path("ExcludePunctuation").asBoolean() || length % 4 != 0 || length < 44) {
      problems.add(
          CURSOR_KEY
              + " is not base64 of 32 bytes or more (letters and digits only, a length that is a"
              + " multiple of 4 and at least 44)");
    }
    if (!Template.isRef(variable(t, API, "FLEETCHECK_CURSOR_KEY_SECRET_ARN"), CURSOR_KEY)) {
      problems.add(API + " is not told the cursor key secret's ARN");
    }
    Set<String> readers = secretReaders(t, problems).getOrDefault(CURSOR_KEY, Set.of());
    if (!readers.equals(Set.of("ApiRole"))) {
      problems.add("the cursor key is readable by " + readers + ", expected [ApiRole]");
    }
    return problems;
  }

  /**
   * Each function that sends scan jobs or lists dead letters is told the template's dead-letter
   * queue and receive limit, and the worker its scan timeout, which must let a whole batch run
   * within the function's timeout (a job starts only while a scan timeout plus 10 s remain).
   */
  static List<String> queueAndTimeoutVariables(Template t) {
    List<String> problems = new ArrayList<>();
    for (String function : List.of(SWEEP, API)) {
      if (!Template.isRef(variable(t, function, "FLEETCHECK_QUEUE_URL"), QUEUE)) {
        problems.add(function + " is not told the scan queue's URL");
      }
      if (!Template.isRef(variable(t, function, "FLEETCHECK_DLQ_URL"), DEAD_LETTER_QUEUE)) {
        problems.add(function + " is not told the dead-letter queue's URL");
      }
    }
    for (String function : List.of(SWEEP, WORKER, API)) {
      if (!Template.isRef(variable(t, function, "FLEETCHECK_MAX_RECEIVES"), "MaxReceiveCount")) {
        problems.add(function + " is not told the queue's MaxReceiveCount");
      }
    }
    int scanTimeout = variable(t, WORKER, "FLEETCHECK_SCAN_TIMEOUT_SECONDS").asInt(0);
    int timeout = t.functionProperty(WORKER, "Timeout").asInt(3);
    int batch =
        t.events(WORKER, "SQS").values().stream()
            .mapToInt(e -> e.path("BatchSize").asInt(10))
            .max()
            .orElse(10);
    if (scanTimeout <= 0) {
      problems.add(WORKER + " has no FLEETCHECK_SCAN_TIMEOUT_SECONDS");
    } else if (batch * (scanTimeout + 10) > timeout) {
      problems.add(
          "a batch of "
              + batch
              + " jobs of "
              + scanTimeout
              + " s (+10 s each) does not fit the worker's "
              + timeout
              + " s timeout");
    }
    return problems;
  }

  private static JsonNode variable(Template t, String function, String name) {
    return t.properties(function).path("Environment").path("Variables").path(name);
  }

  /** The roles that may read each secret; a statement on any other secret is a problem. */
  private static Map<String, Set<String>> secretReaders(Template t, List<String> problems) {
    Map<String, Set<String>> readers = new HashMap<>();
    t.resourcesOfType("AWS::IAM::Role")
        .forEach(
            (roleId, role) -> {
              for (JsonNode policy : role.path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                  if (asList(statement.path("Action")).stream()
                      .anyMatch(a -> a.asText().startsWith("secretsmanager:"))) {
                    String secret =
                        List.of(SECRET, CURSOR_KEY).stream()
                            .filter(s -> Template.isRef(statement.path("Resource"), s))
                            .findFirst()
                            .orElse(null);
                    if (secret == null) {
                      problems.add(
                          roleId + " reads secrets other than " + SECRET + " or " + CURSOR_KEY);
                    } else {
                      readers.computeIfAbsent(secret, k -> new TreeSet<>()).add(roleId);
                    }
                  }
                }
              }
            });
    return readers;
  }

  static List<String> parametersAndOutputs(Template t) {
    List<String> problems = new ArrayList<>();
    for (String name :
        List.of(
            "Organisation",
            "ScheduleExpression",
            "JwtIssuer",
            "JwtAudience",
            "MaxReceiveCount",
            "WorkerMaxConcurrency")) {
      if (t.parameter(name).isMissingNode()) {
        problems.add("no parameter " + name);
      }
    }
    for (String output :
        List.of(
            "ApiUrl",
            "ResultsTableName",
            "ReportsBucketName",
            "ScanQueueUrl",
            "ScanDeadLetterQueueUrl",
            "GitHubCredentialsSecretArn")) {
      if (t.root().path("Outputs").path(output).path("Value").isMissingNode()) {
        problems.add("no output " + output);
      }
    }
    return problems;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
