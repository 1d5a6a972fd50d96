package dev.fleetcheck.aws.localstack;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.s3.Encryption;
import dev.fleetcheck.aws.s3.S3ReportStore;
import dev.fleetcheck.core.contract.ReportStoreContract;
import dev.fleetcheck.core.port.ReportStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.s3.S3Client;

/** The report store contract against LocalStack; skipped where no Docker engine exists. */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class S3ReportStoreLocalStackTest extends ReportStoreContract {

  @Container static final LocalStackContainer LOCALSTACK = LocalStackImage.container();

  private static AwsClients clients;
  private static S3Client s3;

  @BeforeAll
  static void connect() {
    clients = new AwsClients(LocalStackImage.settings(LOCALSTACK));
    s3 = clients.s3();
  }

  @AfterAll
  static void disconnect() {
    if (clients != null) {
      clients.close();
    }
  }

  @Override
  protected ReportStore newStore() {
    String bucket = "reports-" + UUID.randomUUID();
    s3.createBucket(b -> b.bucket(bucket));
    return new S3ReportStore(s3, bucket, new Encryption.Aes256());
  }
}
