package dev.fleetcheck.aws.s3;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reports travel and rest gzip-compressed (JSON and SARIF shrink about tenfold); the object's
 * {@code Content-Encoding: gzip} lets a presigned download arrive decompressed in any client.
 */
final class ReportCompression {

  /** Decompressed reports larger than this are refused rather than read into memory. */
  static final int MAX_REPORT_BYTES = 256 * 1024 * 1024;

  private ReportCompression() {}

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new IllegalStateException("gzip to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] content = in.readNBytes(MAX_REPORT_BYTES + 1);
      if (content.length > MAX_REPORT_BYTES) {
        throw new FleetcheckException(ErrorCode.STORE_FAILED, "a stored report is too large");
      }
      return content;
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "a stored report is not valid gzip: " + e.getMessage(), e);
    }
  }
}
