package dev.fleetcheck.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.fleet.ScanId;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** What S3 holds for a report: gzip, encryption, media type, keys apart, presigned downloads. */
@Tag("integration")
@ExtendWith(MotoServer.class)
class S3ReportObjectsMotoTest {

  private static final String SARIF = "{\"version\":\"2.1.0\",\"runs\":[]}";

  private static AwsClients clients;
  private static S3Client s3;
  private String bucket;

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
    s3 = clients.s3();
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  @BeforeEach
  void bucket() {
    bucket = "reports-" + UUID.randomUUID();
    s3.createBucket(b -> b.bucket(bucket));
  }

  @Test
  void storesReportsGzippedAndEncryptedWithTheirMediaType() throws Exception {
    byte[] sarif = SARIF.repeat(50).getBytes(StandardCharsets.UTF_8);
    new S3ReportStore(s3, bucket, new Encryption.Aes256()).put("scans/s-1/a.sarif", sarif);

    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("scans/s-1/a.sarif"));
    byte[] raw =
        s3.getObject(b -> b.bucket(bucket).key("scans/s-1/a.sarif"), ResponseTransformer.toBytes())
            .asByteArray();

    assertThat(head.contentEncoding()).isEqualTo("gzip");
    assertThat(head.contentType()).isEqualTo("application/sarif+json");
    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(raw.length).isLessThan(sarif.length / 4);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes()).isEqualTo(sarif);
  }

  @Test
  void asksForTheKmsKeyItIsGiven() {
    String keyId = "0b9c5e2a-5e4d-4a8e-9f00-1f2e3d4c5b6a";
    new S3ReportStore(s3, bucket, new Encryption.Kms(keyId))
        .put("scans/s-2/r.json", new byte[] {1});

    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("scans/s-2/r.json"));

    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(head.ssekmsKeyId()).endsWith(keyId);
  }

  @Test
  void scansOfTwoRepositoriesAtTheSameCommitGetTwoObjects() {
    S3ReportStore store = new S3ReportStore(s3, bucket, new Encryption.Aes256());
    String alpha = "scans/" + ScanId.of("org/alpha", "c0ffee", "sha256:pack") + "/r.json";
    String bravo = "scans/" + ScanId.of("org/bravo", "c0ffee", "sha256:pack") + "/r.json";

    store.put(alpha, "alpha".getBytes(StandardCharsets.UTF_8));
    store.put(bravo, "bravo".getBytes(StandardCharsets.UTF_8));

    assertThat(alpha).isNotEqualTo(bravo);
    assertThat(store.get(alpha))
        .hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("alpha"));
  }

  @Test
  void aPresignedLinkDownloadsTheReportWithoutCredentials() throws Exception {
    new S3ReportStore(s3, bucket, new Encryption.Aes256())
        .put("exports/fleet.json", SARIF.getBytes(StandardCharsets.UTF_8));
    URI link =
        new S3ReportLinks(clients.s3Presigner(), bucket)
            .downloadLink("exports/fleet.json", Duration.ofMinutes(5));

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(link.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo(SARIF);
  }
}
