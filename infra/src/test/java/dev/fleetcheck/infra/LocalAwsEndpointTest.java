package dev.fleetcheck.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make up} starts moto_server on a loopback port and creates what template.yaml declares;
 * the AWS CLI then finds each resource with the template's settings; {@code make down} stops it.
 * Runs on its own port and state folder, so a developer's {@code make up} on 4566 is untouched.
 */
@Tag("integration")
class LocalAwsEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STACK = "fleetcheck";

  @TempDir Path state;

  @Test
  void upCreatesTheTemplatesResourcesAndDownStopsTheEndpoint() throws Exception {
    Tools.require("moto_server", "pip install 'moto[server]'; the machine image has it");
    Tools.require("aws", "pip install awscli; the machine image has it");
    Tools.require("curl", "apt-get install curl");
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("FLEETCHECK_LOCAL_AWS", "moto");
    env.put("FLEETCHECK_LOCAL_AWS_PORT", Integer.toString(port));
    env.put("FLEETCHECK_LOCAL_AWS_DIR", state.toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    Template template = Template.read(RepoRoot.resolve("template.yaml"));
    Path pidFile = state.resolve("moto_server.pid");
    try {
      Tools.Result up = make("up", env);
      assertThat(up.exitCode()).as(up.stderr()).isZero();
      String pid = Files.readString(pidFile).strip();
      AwsCli aws = new AwsCli("http://127.0.0.1:" + port, env);

      assertTableMatchesTemplate(aws, template);
      assertQueuesMatchTemplate(aws, template);
      assertBucketMatchesTemplate(aws, template);
      JsonNode secret =
          aws.call(
              "secretsmanager",
              "describe-secret",
              "--secret-id",
              name(template, "GitHubCredentials"));
      assertThat(secret.path("Name").asText()).isEqualTo(STACK + "/github-credentials");
      String cursorKey = cursorKey(aws, template);
      assertThat(Base64.getDecoder().decode(cursorKey)).hasSizeGreaterThanOrEqualTo(32);
      assertThat(Files.readString(state.resolve("local-aws.env")))
          .contains("FLEETCHECK_TABLE=" + STACK + "\n")
          .contains("FLEETCHECK_AWS_ENDPOINT=http://127.0.0.1:" + port + "\n")
          .contains("FLEETCHECK_DLQ_URL=")
          .contains("FLEETCHECK_CURSOR_KEY_SECRET_ARN=arn:aws:secretsmanager:")
          .doesNotContain(cursorKey);

      // Again, with a GitHub token: the token goes to the GitHub secret only, and the cursor key
      // stays the one every cursor issued so far was signed with.
      env.put("FLEETCHECK_GITHUB_TOKEN", "ghp_local-test-token");
      Tools.Result again = make("up", env);
      assertThat(again.exitCode()).as(again.stderr()).isZero();
      assertThat(again.stdout() + again.stderr()).doesNotContain("ghp_local-test-token");
      assertThat(Files.readString(pidFile).strip()).isEqualTo(pid);
      assertThat(cursorKey(aws, template)).isEqualTo(cursorKey);
      assertThat(
              aws.call(
                      "secretsmanager",
                      "get-secret-value",
                      "--secret-id",
                      name(template, "GitHubCredentials"))
                  .path("SecretString")
                  .asText())
          .contains("ghp_local-test-token");
    } finally {
      Tools.Result down = make("down", env);
      assertThat(down.exitCode()).as(down.stderr()).isZero();
    }
    assertThat(pidFile).doesNotExist();
    assertThat(listening(port)).isFalse();
    Tools.Result downAgain = make("down", env);
    assertThat(downAgain.exitCode()).isZero();
    assertThat(downAgain.stderr()).contains("nothing is running");
  }

  private static String cursorKey(AwsCli aws, Template template) throws Exception {
    return aws.call(
            "secretsmanager", "get-secret-value", "--secret-id", name(template, "CursorKey"))
        .path("SecretString")
        .asText();
  }

  private static void assertTableMatchesTemplate(AwsCli aws, Template template) throws Exception {
    JsonNode table =
        aws.call("dynamodb", "describe-table", "--table-name", name(template, "ResultsTable"))
            .path("Table");
    Set<String> indexes = new TreeSet<>();
    table
        .path("GlobalSecondaryIndexes")
        .forEach(gsi -> indexes.add(gsi.path("IndexName").asText()));
    Set<String> designed = new TreeSet<>();
    DataModelIndexes.read(RepoRoot.resolve("docs/data-model.md"))
        .forEach(gsi -> designed.add(gsi.name()));
    assertThat(indexes).isEqualTo(designed);
    assertThat(table.path("BillingModeSummary").path("BillingMode").asText())
        .isEqualTo("PAY_PER_REQUEST");
    JsonNode ttl =
        aws.call("dynamodb", "describe-time-to-live", "--table-name", STACK)
            .path("TimeToLiveDescription");
    assertThat(ttl.path("TimeToLiveStatus").asText()).isEqualTo("ENABLED");
    assertThat(ttl.path("AttributeName").asText()).isEqualTo("ttl");
  }

  private static void assertQueuesMatchTemplate(AwsCli aws, Template template) throws Exception {
    String url =
        aws.call("sqs", "get-queue-url", "--queue-name", name(template, "ScanQueue"))
            .path("QueueUrl")
            .asText();
    JsonNode attributes =
        aws.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All")
            .path("Attributes");
    assertThat(attributes.path("VisibilityTimeout").asInt())
        .isEqualTo(template.properties("ScanQueue").path("VisibilityTimeout").asInt());
    JsonNode redrive = JSON.readTree(attributes.path("RedrivePolicy").asText());
    assertThat(redrive.path("deadLetterTargetArn").asText())
        .endsWith(":" + name(template, "ScanDeadLetterQueue"));
    assertThat(redrive.path("maxReceiveCount").asInt())
        .isEqualTo(template.parameter("MaxReceiveCount").path("Default").asInt());
    aws.call("sqs", "get-queue-url", "--queue-name", name(template, "ScanDeadLetterQueue"));
  }

  private static void assertBucketMatchesTemplate(AwsCli aws, Template template) throws Exception {
    String bucket = name(template, "ReportsBucket");
    assertThat(bucket).isEqualTo(STACK + "-reports-123456789012-us-east-1");
    JsonNode block =
        aws.call("s3api", "get-public-access-block", "--bucket", bucket)
            .path("PublicAccessBlockConfiguration");
    assertThat(block.path("BlockPublicAcls").asBoolean()).isTrue();
    assertThat(block.path("RestrictPublicBuckets").asBoolean()).isTrue();
    JsonNode encryption = aws.call("s3api", "get-bucket-encryption", "--bucket", bucket);
    assertThat(encryption.toString()).contains("AES256");
    JsonNode lifecycle =
        aws.call("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket);
    assertThat(lifecycle.path("Rules").size())
        .isEqualTo(
            template
                .properties("ReportsBucket")
                .path("LifecycleConfiguration")
                .path("Rules")
                .size());
  }

  /** The physical name the template gives a resource, for a stack called "fleetcheck". */
  private static String name(Template template, String logicalId) {
    JsonNode properties = template.properties(logicalId);
    for (String key : List.of("TableName", "QueueName", "BucketName", "Name")) {
      JsonNode value = properties.path(key);
      if (Template.isRef(value, "AWS::StackName")) {
        return STACK;
      }
      if (value.has("Fn::Sub")) {
        return value
            .get("Fn::Sub")
            .asText()
            .replace("${AWS::StackName}", STACK)
            .replace("${AWS::AccountId}", "123456789012")
            .replace("${AWS::Region}", "us-east-1");
      }
    }
    throw new IllegalArgumentException(logicalId + " has no name");
  }

  private static Tools.Result make(String target, Map<String, String> env) throws Exception {
    return Tools.run(List.of("make", "-s", target), env, RepoRoot.path(), 180);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return socket.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  /** The AWS CLI against the local endpoint, answers as JSON. */
  private record AwsCli(String endpoint, Map<String, String> env) {

    JsonNode call(String... arguments) throws Exception {
      List<String> command =
          new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
      command.addAll(List.of(arguments));
      Tools.Result result = Tools.run(command, env, RepoRoot.path(), 60);
      assertThat(result.exitCode())
          .as(String.join(" ", arguments) + ": " + result.stderr())
          .isZero();
      return JSON.readTree(result.stdout());
    }
  }
}
