package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanJobCodecTest {

  @Test
  void roundTripsAJob() {
    ScanJob job =
        ScanJob.forSweep(
            "sw-1",
            new RepoRef("payments-api", "https://git.example/p.git", "payments", "main"),
            Instant.parse("2026-06-01T10:00:00.123Z"));

    ScanJob decoded = ScanJobCodec.decode(ScanJobCodec.encode(job));

    assertThat(decoded).isEqualTo(job);
    assertThat(decoded.jobId()).isEqualTo("sw-1:payments-api");
    assertThat(decoded.inSweep()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"version\": 2}",
        "{\"version\": 1, \"job_id\": \"j\", \"sweep_id\": \"\"}",
        "{\"version\":1,\"job_id\":\"j\",\"sweep_id\":\"\",\"repository\":{\"name\":\"a\","
            + "\"url\":\"u\",\"team\":\"\",\"default_branch\":\"\"},\"enqueued_at\":\"yesterday\"}"
      })
  void rejectsMalformedBodiesWithEventMalformed(String body) {
    assertThatThrownBy(() -> ScanJobCodec.decode(body))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EVENT_MALFORMED));
  }
}
