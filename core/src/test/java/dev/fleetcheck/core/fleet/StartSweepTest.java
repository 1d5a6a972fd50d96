package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.contract.FleetHarness;
import dev.fleetcheck.core.contract.InMemoryAdapters;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartSweepTest {

  @TempDir Path root;

  @Test
  void theScheduledTimeNamesTheSweepToTheSecond() {
    Instant now = Instant.parse("2026-06-01T10:00:00Z");
    assertThat(
            StartSweep.sweepIdOf(
                SweepTrigger.scheduled(Instant.parse("2026-12-06T02:00:00.123Z")), now))
        .isEqualTo("sw-20261206T020000Z");
    assertThat(StartSweep.sweepIdOf(SweepTrigger.named("manual-7"), now)).isEqualTo("manual-7");
    assertThat(StartSweep.sweepIdOf(SweepTrigger.fresh(), now)).startsWith("sw-20260601T100000Z-");
  }

  @Test
  void aNameOutsideTheAllowedCharactersIsRejected() {
    for (String id : new String[] {"", "../x", "a b", "x".repeat(101)}) {
      assertThatThrownBy(() -> SweepTrigger.named(id))
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }

  @Test
  void aRetriedTriggerSendsOnlyTheJobsOfRepositoriesNotDone() {
    FleetHarness h = new FleetHarness(root, 3, InMemoryAdapters::open);
    h.fleet.add("alpha", "core").add("bravo", "core").add("alpha", "listed twice");
    StartSweep start = h.startSweep();
    SweepTrigger trigger = SweepTrigger.scheduled(Instant.parse("2026-06-01T02:00:00Z"));

    StartSweep.Started first = start.call(trigger);
    h.pollOnce(h.worker(), 1);
    StartSweep.Started retried = start.call(trigger);

    assertThat(first.sweep().expected()).as("one job per name").isEqualTo(2);
    assertThat(first.jobsSent()).isEqualTo(2);
    assertThat(retried.resumed()).isTrue();
    assertThat(retried.jobsSent()).isEqualTo(1);
    assertThat(retried.sweep()).isEqualTo(first.sweep());
  }

  @Test
  void resumingASweepThatNeverStartedIsSweepNotFoundAndSendsNothing() {
    FleetHarness h = new FleetHarness(root, 3, InMemoryAdapters::open);
    h.fleet.add("alpha", "core");

    assertThatThrownBy(() -> h.startSweep().call(SweepTrigger.resume("sw-missing")))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SWEEP_NOT_FOUND));
    assertThat(h.queue().depth().visible()).isZero();
  }
}
