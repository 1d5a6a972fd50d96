package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.contract.ForwardingJobQueue;
import dev.fleetcheck.core.contract.InMemoryJobQueue;
import dev.fleetcheck.core.contract.InMemoryResultStore;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestScanTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final InMemoryResultStore store = new InMemoryResultStore();
  private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, Duration.ofMinutes(5), 3);
  private final RepoRef alpha = new RepoRef("alpha", "https://git.example/alpha", "core", "");

  @Test
  void withoutAKeyEveryRequestQueuesAJob() {
    RequestScan request = new RequestScan(queue, store, clock);
    request.call(alpha, Optional.empty());
    request.call(alpha, Optional.empty());
    assertThat(queue.depth().visible()).isEqualTo(2);
  }

  @Test
  void theKeyPointsAtTheJobOnlyOnceItIsQueued() {
    IdempotencyClaim[] seenDuringSend = new IdempotencyClaim[1];
    JobQueue watching =
        new ForwardingJobQueue(queue) {
          @Override
          public void sendBatch(List<ScanJob> jobs) {
            seenDuringSend[0] =
                store.claim(claim("other-job"), clock.instant(), Instant.EPOCH).orElseThrow();
            super.sendBatch(jobs);
          }
        };

    RequestScan.Requested requested =
        new RequestScan(watching, store, clock).call(alpha, Optional.of("k"));

    assertThat(seenDuringSend[0].state()).isEqualTo(IdempotencyClaim.State.PENDING);
    assertThat(store.claim(claim("later"), clock.instant(), Instant.EPOCH))
        .hasValueSatisfying(
            held -> {
              assertThat(held.state()).isEqualTo(IdempotencyClaim.State.QUEUED);
              assertThat(held.jobId()).isEqualTo(requested.jobId());
            });
  }

  @Test
  void theSameRequestWhileTheFirstIsStillSendingIsInProgressUntilItsLeaseLapses() {
    store.claim(
        IdempotencyClaim.pending(
            "scan-request:k",
            RequestScan.requestHash(alpha),
            "od-crashed",
            clock.instant(),
            clock.instant().plus(RequestScan.KEY_LIFETIME)),
        clock.instant(),
        Instant.EPOCH);
    RequestScan request = new RequestScan(queue, store, clock);

    assertThatThrownBy(() -> request.call(alpha, Optional.of("k")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUEST_IN_PROGRESS));
    clock.advance(RequestScan.PENDING_LEASE.plusSeconds(1));
    RequestScan.Requested takenOver = request.call(alpha, Optional.of("k"));

    assertThat(takenOver.queued()).isTrue();
    assertThat(takenOver.jobId()).isNotEqualTo("od-crashed");
    assertThat(request.call(alpha, Optional.of("k")))
        .isEqualTo(new RequestScan.Requested(takenOver.jobId(), false));
  }

  @Test
  void anotherRepositoryOrBranchUnderTheSameKeyIsAConflict() {
    RequestScan request = new RequestScan(queue, store, clock);
    request.call(alpha, Optional.of("k"));

    assertThatThrownBy(
            () ->
                request.call(
                    new RepoRef("alpha", "https://git.example/alpha", "core", "release"),
                    Optional.of("k")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
  }

  @Test
  void aKeyOutsideOneTo200CharactersIsRejected() {
    RequestScan request = new RequestScan(queue, store, clock);
    for (String key : List.of(" ", "k".repeat(201))) {
      assertThatThrownBy(() -> request.call(alpha, Optional.of(key)))
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    assertThat(queue.depth().visible()).isZero();
  }

  private IdempotencyClaim claim(String jobId) {
    return IdempotencyClaim.pending(
        "scan-request:k",
        RequestScan.requestHash(alpha),
        jobId,
        clock.instant(),
        clock.instant().plusSeconds(60));
  }
}
