package dev.fleetcheck.core.port;

import java.net.URI;
import java.time.Duration;

/**
 * Time-limited download links to stored reports, for exports a client fetches without credentials
 * (presigned GET URLs on S3). A link grants read access to one key and nothing else.
 */
public interface ReportLinks {

  /**
   * A link that downloads {@code key} until {@code validFor} has passed.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_ARGUMENT for a key that breaks
   *     {@link ReportKeys}
   */
  URI downloadLink(String key, Duration validFor);
}
