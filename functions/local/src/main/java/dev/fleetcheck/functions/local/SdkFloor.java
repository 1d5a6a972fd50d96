package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * {@link ColdStart}'s third baseline: the AWS SDK's part of a function's cold start and nothing
 * else. Init builds the DynamoDB client the way every function does ({@link AwsClients}: the
 * url-connection HTTP client on its own thread, region, endpoint and credentials set); the
 * invocation reads one item that does not exist from the table, as every function's first
 * invocation reads the table. What a function costs beyond this is its own code.
 */
public final class SdkFloor implements RequestStreamHandler {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public SdkFloor() {
    Map<String, String> environment = System.getenv();
    this.dynamoDb = new AwsClients(AwsSettings.fromEnvironment(environment)).dynamoDb();
    this.table = environment.get("FLEETCHECK_TABLE");
  }

  @Override
  public void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    event.transferTo(OutputStream.nullOutputStream());
    dynamoDb.getItem(
        GetItemRequest.builder()
            .tableName(table)
            .key(
                Map.of(
                    "PK", AttributeValue.fromS("sdk-floor"), "SK", AttributeValue.fromS("probe")))
            .build());
    response.write("\"ok\"".getBytes(StandardCharsets.UTF_8));
  }
}
