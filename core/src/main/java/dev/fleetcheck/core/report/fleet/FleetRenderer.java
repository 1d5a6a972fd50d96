package dev.fleetcheck.core.report.fleet;

/** Turns a fleet report into one file's text; the same data always gives the same text. */
public interface FleetRenderer {

  String render(FleetReportData data);
}
