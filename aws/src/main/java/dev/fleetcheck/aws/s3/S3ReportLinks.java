package dev.fleetcheck.aws.s3;

import dev.fleetcheck.core.port.ReportKeys;
import dev.fleetcheck.core.port.ReportLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GET links to reports. SigV4 caps a presigned URL at seven days; longer requests are
 * refused rather than silently shortened.
 */
public final class S3ReportLinks implements ReportLinks {

  private final S3Presigner presigner;
  private final String bucket;

  public S3ReportLinks(S3Presigner presigner, String bucket) {
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public URI downloadLink(String key, Duration validFor) {
    String checked = ReportKeys.requireValid(key);
    ReportLinks.requireValidity(validFor);
    try {
      return presigner
          .presignGetObject(
              b ->
                  b.signatureDuration(validFor)
                      .getObjectRequest(g -> g.bucket(bucket).key(checked)))
          .url()
          .toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the SDK presigned a URL that is not a URI", e);
    }
  }
}
