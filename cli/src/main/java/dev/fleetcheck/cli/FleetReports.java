package dev.fleetcheck.cli;

import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.core.report.JsonReportCodec;
import dev.fleetcheck.core.report.fleet.FleetReportAssembler;
import dev.fleetcheck.core.report.fleet.FleetReportData;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import java.nio.file.Path;
import java.util.Optional;

/** Renders a sweep's fleet report (HTML, CSV, JSON, SARIF) from the embedded store. */
final class FleetReports {

  private FleetReports() {}

  /** The report of {@code sweepId}, or of the latest sweep when empty, in {@code format}. */
  static String render(FleetRuntime runtime, Optional<String> sweepId, FleetReportFormat format) {
    FleetReportData data =
        new FleetReportAssembler(
                runtime.embedded().results(),
                runtime.embedded().reports(),
                new JsonReportCodec(),
                runtime.pack().metas(),
                runtime.clock())
            .assemble(sweepId);
    return format.render(data);
  }

  /** Writes the HTML report of {@code sweepId} to {@code file}, atomically. */
  static void writeHtml(FleetRuntime runtime, String sweepId, Path file) {
    AtomicFileWriter.write(file, render(runtime, Optional.of(sweepId), FleetReportFormat.HTML));
  }
}
