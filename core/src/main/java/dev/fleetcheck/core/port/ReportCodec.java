package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.ScanReport;

/** Turns a full scan report into the bytes the report store keeps, and back. */
public interface ReportCodec {

  byte[] encode(ScanReport report);

  /**
   * The report {@code bytes} hold.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException with REPORT_NOT_FOUND when the bytes are
   *     not a report this codec reads
   */
  ScanReport decode(byte[] bytes);
}
