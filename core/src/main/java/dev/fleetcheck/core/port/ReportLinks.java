package dev.fleetcheck.core.port;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.time.Duration;

/**
 * Time-limited download links to stored reports, for exports a client fetches without credentials
 * (presigned GET URLs on S3). A link grants read access to one key and nothing else.
 */
public interface ReportLinks {

  /** The longest a link lasts (SigV4 caps a presigned URL at seven days). */
  Duration MAX_VALIDITY = Duration.ofDays(7);

  /**
   * A link that downloads {@code key} until {@code validFor} has passed.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_ARGUMENT for a key that breaks
   *     {@link ReportKeys}
   */
  URI downloadLink(String key, Duration validFor);

  /**
   * The validity itself when it is between one second and {@link #MAX_VALIDITY}; longer requests
   * are refused rather than silently shortened.
   *
   * @throws FleetcheckException INVALID_ARGUMENT otherwise
   */
  static Duration requireValidity(Duration validFor) {
    if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "a download link lasts between 1 second and 7 days");
    }
    return validFor;
  }
}
