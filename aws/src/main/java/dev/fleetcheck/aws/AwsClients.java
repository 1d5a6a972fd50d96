package dev.fleetcheck.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients from {@link AwsSettings}: region, endpoint and credentials set explicitly
 * (nothing left to the SDK's slow discovery chain on a cold start), and one shared url-connection
 * HTTP client, the fastest to create and first call in a fresh JVM (ADR 0014), built on a thread of
 * its own while the service clients are built (ADR 0032).
 */
public final class AwsClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /** What the url-connection client calls itself (the SDK's user agent carries it). */
  static final String HTTP_CLIENT_NAME = "UrlConnection";

  private final AwsSettings settings;
  private final SdkHttpClient http;

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
    // Built beside the service clients: its TLS context is not needed before the first request.
    this.http =
        new StartedHttpClient(
            HTTP_CLIENT_NAME,
            () ->
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT)
                    .build());
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder()).build();
  }

  public SqsClient sqs() {
    return configure(SqsClient.builder()).build();
  }

  public LambdaClient lambda() {
    return configure(LambdaClient.builder()).build();
  }

  public SecretsManagerClient secretsManager() {
    return configure(SecretsManagerClient.builder()).build();
  }

  /** Path-style addressing, which every local endpoint serves and AWS still accepts. */
  public S3Client s3() {
    return configure(S3Client.builder()).forcePathStyle(true).build();
  }

  public S3Presigner s3Presigner() {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials())
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
    builder
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials())
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    return settings
        .credentials()
        .<AwsCredentialsProvider>map(
            c ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  /** Closes the shared HTTP client; clients built here stop working. */
  @Override
  public void close() {
    http.close();
  }
}
