package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.port.ReportCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test codec: the stored bytes are a handle to the report kept in this JVM. It keeps the fleet
 * tests independent of the JSON renderer while still proving that the bytes a record points to
 * decode to the report that was scanned.
 */
public final class InMemoryReportCodec implements ReportCodec {

  private static final String PREFIX = "in-memory-report:";
  private final Map<String, ScanReport> reports = new ConcurrentHashMap<>();

  @Override
  public byte[] encode(ScanReport report) {
    String handle = UUID.randomUUID().toString();
    reports.put(handle, report);
    return (PREFIX + handle).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public ScanReport decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    ScanReport report =
        text.startsWith(PREFIX) ? reports.get(text.substring(PREFIX.length())) : null;
    if (report == null) {
      throw new FleetcheckException(ErrorCode.REPORT_NOT_FOUND, "not a report this codec wrote");
    }
    return report;
  }
}
