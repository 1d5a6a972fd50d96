package dev.fleetcheck.aws.s3;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.contract.ReportStoreContract;
import dev.fleetcheck.core.port.ReportStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** The report store contract against S3's wire protocol, served by moto_server. */
@Tag("integration")
@ExtendWith(MotoServer.class)
class S3ReportStoreMotoTest extends ReportStoreContract {

  private static AwsClients clients;
  private static S3Client s3;

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
    s3 = clients.s3();
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  @Override
  protected ReportStore newStore() {
    String bucket = "reports-" + UUID.randomUUID();
    s3.createBucket(b -> b.bucket(bucket));
    return new S3ReportStore(s3, bucket, new Encryption.Aes256());
  }
}
