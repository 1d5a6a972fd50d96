package dev.fleetcheck.functions.sweep;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.Invocations;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the sweep function runs before its SnapStart snapshot: the schedule event's parsing, the
 * sweep use case up to its first store read (a resume of a sweep that cannot exist, so it stops at
 * "not found" before listing the inventory, writing or sending), a read of the queue's depth (the
 * SQS client's marshalling, signing and HTTP), the job message's JSON and the response's mapping.
 * It never lists the organisation, so no GitHub token is fetched into the snapshot.
 */
final class SweepPriming {

  /** A sweep ID no sweep can have (sweep IDs are {@code sw-} and a time). */
  static final String MISSING_SWEEP = "snapstart-priming";

  private static final Instant SOME_TIME = Instant.parse("2000-01-01T00:00:00Z");
  private static final RepoInventory NEVER_LISTED =
      () -> {
        throw new IllegalStateException("SnapStart priming never lists the inventory");
      };

  private SweepPriming() {}

  /** How each part answered: {@code ok}, {@code not_found} or the error code. */
  static Map<String, ?> prime(FunctionRuntime runtime) {
    Map<String, Object> event = Map.of("scheduled_time", SOME_TIME.toString());
    Map<String, String> answers = new LinkedHashMap<>();
    Invocations.run(
        runtime,
        new LocalContext("sweep", Duration.ofMinutes(15)),
        SweepEvent.correlationId(event),
        () -> {
          answers.put("event", attempt(() -> SweepEvent.trigger(event)));
          answers.put(
              "sweep_read",
              attempt(
                  () ->
                      runtime
                          .fleet()
                          .startSweep(NEVER_LISTED)
                          .call(new SweepTrigger.Resume(MISSING_SWEEP))));
          answers.put("queue_read", attempt(() -> runtime.fleet().ports().queue().depth()));
          answers.put("job_message", attempt(() -> ScanJobCodec.encode(job())));
          Map<String, Object> response =
              SweepEvent.response(
                  new StartSweep.Started(new Sweep(MISSING_SWEEP, SOME_TIME, 0, ""), false, 0));
          runtime.log().info("sweep.started", response);
          runtime.metrics().add("JobsEnqueued", Metrics.Unit.COUNT, 0, Map.of());
          return response;
        });
    return answers;
  }

  private static ScanJob job() {
    return ScanJob.forSweep(
        MISSING_SWEEP,
        new RepoRef("priming", "https://github.com/acme/priming.git", "", "main"),
        SOME_TIME);
  }

  private static String attempt(Supplier<?> part) {
    try {
      part.get();
      return "ok";
    } catch (FleetcheckException e) {
      return e.errorCode() == ErrorCode.SWEEP_NOT_FOUND ? "not_found" : e.errorCode().code();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
