package dev.fleetcheck.aws.localstack;

import dev.fleetcheck.aws.AwsSettings;
import java.util.Optional;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The LocalStack container the LocalStack tier runs against: the image pinned in aws/pom.xml
 * ({@code localstack.image}, a community tag that needs no account token), overridable with the
 * system property of the same name.
 */
public final class LocalStackImage {

  static final String PROPERTY = "fleetcheck.localstack.image";
  private static final String PINNED = "localstack/localstack:4.9.2";

  private LocalStackImage() {}

  public static LocalStackContainer container() {
    return new LocalStackContainer(
        DockerImageName.parse(System.getProperty(PROPERTY, PINNED))
            .asCompatibleSubstituteFor("localstack/localstack"));
  }

  public static AwsSettings settings(LocalStackContainer container) {
    return new AwsSettings(
        container.getRegion(),
        Optional.of(container.getEndpoint()),
        Optional.of(
            new AwsSettings.StaticCredentials(container.getAccessKey(), container.getSecretKey())));
  }
}
