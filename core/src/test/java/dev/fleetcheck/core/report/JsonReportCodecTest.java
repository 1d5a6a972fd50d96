package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class JsonReportCodecTest {

  private final JsonReportCodec codec = new JsonReportCodec();

  @Test
  void decodesWhatItEncodedExactly() {
    ScanReport report = SampleReports.mixed();

    assertThat(codec.decode(codec.encode(report))).isEqualTo(report);
    assertThat(codec.decode(codec.encode(SampleReports.hostile())))
        .isEqualTo(SampleReports.hostile());
  }

  @Test
  void storesGzippedJsonSmallerThanThePlainReport() throws IOException {
    ScanReport report = SampleReports.mixed();
    byte[] plain = new JsonReportRenderer().render(report).getBytes(StandardCharsets.UTF_8);

    byte[] stored = codec.encode(report);

    assertThat(stored[0] & 0xff).isEqualTo(0x1f);
    assertThat(stored[1] & 0xff).isEqualTo(0x8b);
    assertThat(stored.length).isLessThan(plain.length);
  }

  @Test
  void readsAPlainJsonReportToo() {
    ScanReport report = SampleReports.mixed();
    byte[] plain = new JsonReportRenderer().render(report).getBytes(StandardCharsets.UTF_8);

    assertThat(codec.decode(plain)).isEqualTo(report);
  }

  @Test
  void bytesThatAreNoReportAreReportNotFound() throws IOException {
    ByteArrayOutputStream gzippedJunk = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzippedJunk)) {
      gzip.write("{\"report_version\": 999}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncatedGzip = new byte[] {0x1f, (byte) 0x8b, 8, 0};

    for (byte[] bytes :
        new byte[][] {
          "not json".getBytes(StandardCharsets.UTF_8), gzippedJunk.toByteArray(), truncatedGzip
        }) {
      assertThatThrownBy(() -> codec.decode(bytes))
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REPORT_NOT_FOUND));
    }
  }
}
