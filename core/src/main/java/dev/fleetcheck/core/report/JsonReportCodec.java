package dev.fleetcheck.core.report;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.port.ReportCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stores full reports as gzipped JSON (the same document as {@code scan --format json}), and reads
 * them back, gzipped or plain. Anything else is not a report: {@code report_not_found}.
 */
public final class JsonReportCodec implements ReportCodec {

  /** Far above any real report; stops a corrupt or hostile file from inflating without bound. */
  private static final int MAX_DECODED_BYTES = 256 * 1024 * 1024;

  private final JsonReportRenderer renderer = new JsonReportRenderer();
  private final JsonReportReader reader = new JsonReportReader();

  @Override
  public byte[] encode(ScanReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(renderer.render(report).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public ScanReport decode(byte[] bytes) {
    String json = new String(gzipped(bytes) ? gunzip(bytes) : bytes, StandardCharsets.UTF_8);
    try {
      return reader.read(json);
    } catch (FleetcheckException e) {
      throw new FleetcheckException(
          ErrorCode.REPORT_NOT_FOUND, "the stored report is unreadable: " + e.getMessage(), e);
    }
  }

  private static boolean gzipped(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] decoded = in.readNBytes(MAX_DECODED_BYTES + 1);
      if (decoded.length > MAX_DECODED_BYTES) {
        throw new FleetcheckException(
            ErrorCode.REPORT_NOT_FOUND, "the stored report inflates beyond its bound");
      }
      return decoded;
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.REPORT_NOT_FOUND, "the stored report is not valid gzip", e);
    }
  }
}
