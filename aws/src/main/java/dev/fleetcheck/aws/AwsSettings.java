package dev.fleetcheck.aws;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the AWS adapters connect: a region, and for a local endpoint (moto_server, LocalStack) the
 * endpoint URL and static credentials. On Lambda both stay empty and the SDK's defaults apply (the
 * function's role, the regional endpoint).
 */
public record AwsSettings(
    String region, Optional<URI> endpoint, Optional<StaticCredentials> credentials) {

  public static final String REGION_VARIABLE = "AWS_REGION";
  public static final String ENDPOINT_VARIABLE = "FLEETCHECK_AWS_ENDPOINT";

  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    if (region.isBlank()) {
      throw new FleetcheckException(ErrorCode.INVALID_CONFIG, "the AWS region is empty");
    }
  }

  /** A local endpoint that accepts any credentials (moto_server, LocalStack). */
  public static AwsSettings local(URI endpoint) {
    return new AwsSettings(
        "us-east-1", Optional.of(endpoint), Optional.of(new StaticCredentials("test", "test")));
  }

  /**
   * {@code AWS_REGION} (default us-east-1) and, when set, {@code FLEETCHECK_AWS_ENDPOINT}; a local
   * endpoint gets the placeholder credentials emulators accept unless the SDK's own variables name
   * others.
   */
  public static AwsSettings fromEnvironment(Map<String, String> environment) {
    String region = environment.getOrDefault(REGION_VARIABLE, "us-east-1");
    String endpoint = environment.get(ENDPOINT_VARIABLE);
    if (endpoint == null || endpoint.isBlank()) {
      return new AwsSettings(region, Optional.empty(), Optional.empty());
    }
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, ENDPOINT_VARIABLE + " is not a URL", e);
    }
    boolean sdkCredentials = environment.containsKey("AWS_ACCESS_KEY_ID");
    return new AwsSettings(
        region,
        Optional.of(uri),
        sdkCredentials ? Optional.empty() : Optional.of(new StaticCredentials("test", "test")));
  }

  /** Credentials for a local endpoint; the secret key never prints. */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {

    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}
