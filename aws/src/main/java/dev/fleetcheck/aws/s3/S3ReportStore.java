package dev.fleetcheck.aws.s3;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportKeys;
import dev.fleetcheck.core.port.ReportStore;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Reports in one S3 bucket, gzip-compressed and encrypted at rest. Keys go to S3 unchanged (after
 * {@link ReportKeys}): they are derived from scan IDs, which hash the repository, so two
 * repositories or two scans never share an object. {@code PutObject} is atomic, as the port asks.
 */
public final class S3ReportStore implements ReportStore {

  private final S3Client s3;
  private final String bucket;
  private final Encryption encryption;

  public S3ReportStore(S3Client s3, String bucket, Encryption encryption) {
    this.s3 = s3;
    this.bucket = bucket;
    this.encryption = encryption;
  }

  @Override
  public void put(String key, byte[] content) {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(ReportKeys.requireValid(key))
            .contentType(ReportKeys.mediaType(key))
            .contentEncoding("gzip");
    if (encryption instanceof Encryption.Kms kms) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kms.keyId());
    } else {
      request.serverSideEncryption(ServerSideEncryption.AES256);
    }
    byte[] compressed = ReportCompression.gzip(content);
    call("PutObject", () -> s3.putObject(request.build(), RequestBody.fromBytes(compressed)));
  }

  @Override
  public Optional<byte[]> get(String key) {
    String checked = ReportKeys.requireValid(key);
    try {
      ResponseBytes<GetObjectResponse> object =
          call("GetObject", () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(checked)));
      byte[] bytes = object.asByteArray();
      return Optional.of(
          "gzip".equals(object.response().contentEncoding())
              ? ReportCompression.gunzip(bytes)
              : bytes);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String key) {
    String checked = ReportKeys.requireValid(key);
    call("DeleteObject", () -> s3.deleteObject(b -> b.bucket(bucket).key(checked)));
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (NoSuchKeyException e) {
      throw e;
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "S3 " + operation + " failed: " + e.getMessage(), e);
    }
  }
}
