package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportCodec;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.core.report.JsonReportCodec;
import java.time.Clock;
import java.util.Objects;

/**
 * The adapters one deployment provides to every fleet use case: the embedded default's SQLite
 * store, report folder and queue, or DynamoDB, S3 and SQS on AWS.
 */
public record FleetPorts(
    ResultStore results,
    ReportStore reports,
    ReportCodec codec,
    JobQueue queue,
    Clock clock,
    FailureLog log) {

  public FleetPorts {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(log, "log");
  }

  /** The ports with full reports kept as JSON, as every deployment does today. */
  public static FleetPorts withJsonReports(
      ResultStore results, ReportStore reports, JobQueue queue, Clock clock, FailureLog log) {
    return new FleetPorts(results, reports, new JsonReportCodec(), queue, clock, log);
  }
}
