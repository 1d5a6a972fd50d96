package dev.fleetcheck.functions.sweep;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepTrigger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweep function's input and output. Input: the EventBridge Scheduler payload of template.yaml
 * (its {@code scheduled_time} names the sweep, so a retried schedule resumes it) or a manual {@code
 * {"sweep_id": "..."}} that starts or resumes that sweep.
 */
final class SweepEvent {

  private SweepEvent() {}

  static SweepTrigger trigger(Map<String, Object> event) {
    if (event == null) {
      throw malformed("the event is empty");
    }
    Object scheduled = event.get("scheduled_time");
    if (scheduled instanceof String time) {
      try {
        return new SweepTrigger.Scheduled(Instant.parse(time));
      } catch (DateTimeParseException e) {
        throw malformed("scheduled_time is not an ISO-8601 instant");
      }
    }
    if (event.get("sweep_id") instanceof String id) {
      return new SweepTrigger.Named(id);
    }
    throw malformed("expected scheduled_time (a schedule) or sweep_id (a manual invoke)");
  }

  /** The correlation ID of the run: the scheduler's execution ID when there is one. */
  static String correlationId(Map<String, Object> event) {
    return event != null && event.get("execution_id") instanceof String id ? id : "";
  }

  static Map<String, Object> response(StartSweep.Started started) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sweep_id", started.sweep().sweepId());
    out.put("resumed", started.resumed());
    out.put("expected", started.sweep().expected());
    out.put("jobs_sent", started.jobsSent());
    return out;
  }

  private static FleetcheckException malformed(String why) {
    return new FleetcheckException(ErrorCode.EVENT_MALFORMED, "malformed sweep event: " + why);
  }
}
